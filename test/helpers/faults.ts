import type { Database } from "../../src/db/client.ts";

/**
 * Makes the database refuse inserts into `table` (only rows whose `column` equals `value`, when given)
 * with `message`, to simulate a failing disk in the middle of a transaction. SQLite and PostgreSQL
 * spell triggers differently; this is the one place that knows both.
 */
export async function failInserts(db: Database, table: string, message: string, when?: { column: string; value: string }): Promise<void> {
  const name = `fail_${table.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  if (db.provider === "sqlite") {
    const cond = when ? ` WHEN NEW."${when.column}" = ${lit(when.value)}` : "";
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}"${cond} BEGIN SELECT RAISE(ABORT, ${lit(message)}); END`);
    return;
  }
  const cond = when ? `NEW."${when.column}" = ${lit(when.value)}` : "TRUE";
  await db.prisma.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${cond} THEN RAISE EXCEPTION ${lit(message)}; END IF; RETURN NEW; END $$`,
  );
  await db.prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
}
