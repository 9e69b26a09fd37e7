import { z } from "zod";

/** An empty or blank variable counts as unset (a `.env` line `SLACK_APP_TOKEN=` must not switch a mode on). */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** An optional environment variable. */
export const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
