-- The audit log is append-only: what a delegation did must not be rewritten, not even by a bug.
-- Written by hand (Prisma's schema has no triggers); the SQLite twin does the same.
-- One statement per line: src/db/migrate.ts splits statements at a semicolon that ends a line.
CREATE FUNCTION "dd_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'AuditLog is append-only'; END $$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "dd_audit_append_only"();
