/** Whether a failed write hit a unique constraint (a retried request, a row that already exists), on SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === "P2002" || /UNIQUE constraint failed|unique constraint|duplicate key/i.test(String((e as Error)?.message ?? ""));
}
