/**
 * What /deadlines all lists, as an iCalendar file (ical-generator). Calendar dates are all-day events
 * (VALUE=DATE: the day on paper in the forum's zone, never shifted by a reader's zone); an item that
 * carries a time of day becomes a timed event in its own zone. Each event names its source document.
 */
import ical from "ical-generator";
import type { DatedItem } from "../services/dated.ts";
import { addDays, zonedTime } from "../domain/dates.ts";

/** A dated item and where it comes from; `time` (HH:MM) and `timeZone` make it a timed meeting. */
export type CalendarEntry = DatedItem & { time?: string; timeZone?: string; minutes?: number; source?: string; url?: string };

export type CalendarOptions = { name: string; stamp: Date; timeZone: string; sourceLabel: string; host: string };

export function calendarIcs(entries: CalendarEntry[], o: CalendarOptions): string {
  const cal = ical({ name: o.name, prodId: { company: "Delegate Desk", product: "deadlines", language: "EN" }, timezone: o.timeZone });
  for (const e of entries) {
    const description = [e.source ? `${o.sourceLabel}: ${e.source}` : "", e.url ?? ""].filter(Boolean).join("\n");
    const base = { id: `${e.id}@${o.host}`, stamp: o.stamp, summary: e.title, description: description || undefined, url: e.url };
    if (e.time) {
      const start = zonedTime(e.due, e.time, e.timeZone ?? o.timeZone);
      cal.createEvent({ ...base, start, end: new Date(start.getTime() + (e.minutes ?? 120) * 60_000) });
    } else {
      // Noon UTC names the same calendar day in every zone; DTSTART;VALUE=DATE carries only the date.
      cal.createEvent({ ...base, allDay: true, start: new Date(`${e.due}T12:00:00Z`), end: new Date(`${addDays(e.due, 1)}T12:00:00Z`) });
    }
  }
  return cal.toString();
}
