/** The one way to write: a transaction whose audit rows commit with it. */
import type { Database, Tx } from "./client.ts";
import type { Platform, Role } from "../domain/types.ts";

/** Who caused a write, for the append-only audit log. */
export type Author = { platform: Platform | "import" | "system"; userId: string; role: Role | "system"; stateCode?: string };

export type AuditEntry = { action: string; entity: string; entityId: string; details?: unknown };

export function writer(db: Database) {
  const p = db.prisma;
  /** Runs `fn` and its audit rows in one transaction: nothing is reported done that is not committed. */
  return async function write<T>(
    author: Author,
    fn: (tx: Tx) => Promise<{ result: T; audit: AuditEntry[] }>,
    at: Date,
    timeoutMs = 10_000,
  ): Promise<T> {
    return p.$transaction(async (tx) => {
      const { result, audit } = await fn(tx);
      if (audit.length)
        await tx.auditLog.createMany({
          data: audit.map((a) => ({
            at,
            platform: author.platform,
            userId: author.userId,
            stateCode: author.stateCode ?? null,
            role: author.role,
            action: a.action,
            entity: a.entity,
            entityId: a.entityId,
            details: JSON.stringify(a.details ?? {}),
          })),
        });
      return result;
    }, { timeout: timeoutMs, maxWait: 10_000 });
  };
}
