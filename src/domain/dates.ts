/** Calendar arithmetic on "YYYY-MM-DD" dates. Documents give dates in the forum's zone (its `timeZone`). */

export type Clock = () => Date;

export const fixedClock = (at: Date | string): Clock => {
  const t = new Date(at);
  return () => new Date(t);
};

/** A clock that starts at `start` and runs at real speed, so replays of old dates keep ordering. */
export const offsetClock = (start: Date, real: () => number = Date.now): Clock => {
  const offset = start.getTime() - real();
  return () => new Date(real() + offset);
};

// Building an Intl.DateTimeFormat costs far more than using one; a digest formats thousands of dates.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const QUARTER_MS = 900_000;
/**
 * Per zone: quarter hour → its calendar date, or null when Intl must be asked for each instant (the offset
 * changes inside it, or is not a whole number of quarter hours, so local midnight could fall inside it).
 */
const quarters = new Map<string, Map<number, string | null>>();

function dayFormat(tz: string): Intl.DateTimeFormat {
  let f = dayFormats.get(tz);
  if (!f) dayFormats.set(tz, (f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f;
}

/** The zone's wall clock at `ms`, read as if it were UTC, minus `ms`: the offset, to the second. */
function offsetAt(ms: number, tz: string): number {
  let f = clockFormats.get(tz);
  if (!f) clockFormats.set(tz, (f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })));
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== "literal") v[p.type] = Number(p.value);
  return Date.UTC(v.year!, v.month! - 1, v.day!, v.hour!, v.minute!, v.second!) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The calendar date of an instant in a time zone, by Intl (the reference the fast path is tested against). */
export function calendarDateByIntl(at: Date, tz: string): string {
  const parts = dayFormat(tz).formatToParts(at);
  // The format asks for these three parts, so they are always there.
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The calendar date of an instant in a time zone. Zones change offset only on whole quarter hours, and
 * today's offsets are whole quarter hours, so local midnight starts a quarter hour: every instant of one
 * has the same date. Intl is asked once per quarter hour (its offset at both ends) and the date is kept;
 * a quarter hour where that does not hold (an offset change inside it, an old local mean time) is read
 * through Intl for each instant.
 */
export function calendarDate(at: Date, tz: string): string {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) return calendarDateByIntl(at, tz);
  let zone = quarters.get(tz);
  if (!zone) quarters.set(tz, (zone = new Map()));
  const q = Math.floor(ms / QUARTER_MS);
  let day = zone.get(q);
  if (day === undefined) {
    day = quarterDate(q, tz);
    if (zone.size > 100_000) zone.clear();
    zone.set(q, day);
  }
  return day ?? calendarDateByIntl(at, tz);
}

/** The one date of every instant in quarter hour `q`, when the zone's offset through it is constant and aligned. */
function quarterDate(q: number, tz: string): string | null {
  const start = q * QUARTER_MS;
  const off = offsetAt(start, tz);
  if (off !== offsetAt(start + QUARTER_MS - 1, tz) || off % QUARTER_MS !== 0) return null;
  const d = new Date(start + off);
  const y = d.getUTCFullYear();
  return y < 1000 || y > 9999 ? null : d.toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const dayMs = 86_400_000;
const toUtc = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

export function addDays(d: string, n: number): string {
  return new Date(toUtc(d) + n * dayMs).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's end (30 Nov + 3 months = 28/29 Feb). */
export function addMonths(d: string, n: number): string {
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7) - 1 + n;
  const day = +d.slice(8, 10);
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(day, last))).toISOString().slice(0, 10);
}

/** The instant a calendar date starts in a zone, e.g. 2023-08-23 at UTC+5 → 2023-08-22T19:00Z. */
export function startOfDay(d: string, tz: string): Date {
  return zonedTime(d, "00:00", tz);
}

/** The instant of a wall-clock time on a calendar date in a zone (DST-safe by two-pass correction). */
export function zonedTime(d: string, hhmm: string, tz: string): Date {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const guess = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), h, m);
  let t = guess - tzOffsetMs(new Date(guess), tz);
  t = guess - tzOffsetMs(new Date(t), tz);
  return new Date(t);
}

/** One formatter per time zone: building one costs far more than using it (the digest asks per date). */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function tzOffsetMs(at: Date, tz: string): number {
  let f = offsetFormats.get(tz);
  if (!f)
    offsetFormats.set(tz, (f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    })));
  const parts = f.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
