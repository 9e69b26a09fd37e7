/**
 * Storage for issue 9 (trust): language preferences kept apart from identities, the record of requests
 * that wrote (idempotency), and the state Discord buttons need after a restart.
 */
import type { Database, Tx } from "./client.ts";
import { isUniqueViolation } from "./unique.ts";

export function createTrustRepos(db: Database) {
  const p = db.prisma;
  return {
    /** A chosen language: never a link, a role or a delegation. */
    preferences: {
      lang: async (platform: string, userId: string): Promise<string | undefined> =>
        (await p.preference.findUnique({ where: { platform_userId: { platform, userId } } }))?.lang,
      setLang: (tx: Tx, platform: string, userId: string, lang: string, at: Date) =>
        tx.preference.upsert({ where: { platform_userId: { platform, userId } }, create: { platform, userId, lang, updatedAt: at }, update: { lang, updatedAt: at } }),
    },

    /** Platform requests that wrote something; the key is the primary key, so two processes cannot both record one. */
    requests: {
      find: (key: string) => p.requestRecord.findUnique({ where: { key } }),
      /** Records the request inside the write's transaction; a duplicate throws a unique violation and rolls the write back. */
      record: (tx: Tx, key: string, action: string, entityId: string, at: Date) => tx.requestRecord.create({ data: { key, action, entityId, at } }),
    },

    /** What a Discord page or Share button needs, kept in the database so it survives a restart. */
    components: {
      put: async (key: string, v: { platform: string; userId: string; command: string; reply: unknown }, at: Date) => {
        try {
          await p.componentState.create({ data: { key, platform: v.platform, userId: v.userId, command: v.command, reply: JSON.stringify(v.reply), createdAt: at } });
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
        }
      },
      get: async (key: string) => {
        const row = await p.componentState.findUnique({ where: { key } });
        return row ? { ...row, reply: JSON.parse(row.reply) as unknown } : undefined;
      },
      /** Drops states older than `before` (a button older than that says its pages have expired). */
      prune: (before: Date) => p.componentState.deleteMany({ where: { createdAt: { lt: before } } }),
    },
  };
}

export type TrustRepos = ReturnType<typeof createTrustRepos>;
