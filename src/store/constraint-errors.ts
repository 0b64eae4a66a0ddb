/**
 * Whether a database error is a foreign-key violation: a row referred to a parent row (a client, a
 * dossier) that another transaction deleted. better-sqlite3 and pg report it by their own codes.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
