/** Shared by the tests of src/services/coordinators.ts: a clock set to a day, /coordinators asked on it, a field read. */
import type { TestApp } from "../helpers/app.ts";
import type { Reply } from "../../src/services/reply.ts";

/** `at(day)` sets the test clock to 09:00 in Almaty on `day`; `ask(day, q)` asks /coordinators q on that day. */
export function onDays(app: () => TestApp) {
  const at = (day: string) => app().setNow(`${day}T09:00:00+05:00`);
  const ask = async (day: string, q: string, who = "India") => { at(day); return app().as(who, `/coordinators ${q}`); };
  return { at, ask };
}

/** The value of a reply's field with this label. */
export const field = (r: Reply, label: string) => r.blocks.flatMap((b) => (b.type === "fields" ? b.fields : [])).find((f) => f.label === label)?.value;
