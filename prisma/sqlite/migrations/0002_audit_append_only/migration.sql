-- The audit log is append-only: what a delegation did must not be rewritten, not even by a bug.
-- Written by hand (Prisma's schema has no triggers); the PostgreSQL twin does the same.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'AuditLog is append-only'); END;

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'AuditLog is append-only'); END;
