/** The append-only audit log (written by src/db/write.ts), and settings. */
import type { Database, Tx } from "./client.ts";
import type { AuditRow } from "../domain/types.ts";

export function auditRepo(db: Database) {
  const p = db.prisma;
  return {
    recent: (take = 20): Promise<AuditRow[]> => p.auditLog.findMany({ orderBy: { id: "desc" }, take }),
  };
}

export function settingsRepo(db: Database) {
  const p = db.prisma;
  return {
    get: async (key: string): Promise<string | undefined> => (await p.setting.findUnique({ where: { key } }))?.value,
    set: async (tx: Tx, key: string, value: string): Promise<void> => { await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } }); },
  };
}
