import type { Ctx } from "./context.ts";
import type { Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/repos.ts";

/**
 * Runs a write at most once per platform request (a Slack retry, a Discord interaction seen by two
 * processes): the request key is recorded in the write's own transaction, first, so a duplicate either
 * finds the record before it starts or fails on its primary key and rolls back; both then answer with
 * `replay` of what the first one wrote. Without a request key (scripts, tests) the write simply runs.
 */
export async function oncePerRequest<T>(
  ctx: Ctx,
  action: string,
  entityId: string,
  write: (mark: (tx: Tx) => Promise<unknown>) => Promise<T>,
  replay: (entityId: string) => Promise<T>,
): Promise<T> {
  const key = ctx.requestKey;
  if (!key) return write(async () => undefined);
  const seen = await ctx.repos.requests.find(key);
  if (seen) return replay(seen.entityId);
  try {
    return await write((tx) => ctx.repos.requests.record(tx, key, action, entityId, ctx.clock()));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const again = await ctx.repos.requests.find(key);
    if (again) return replay(again.entityId);
    throw e;
  }
}
