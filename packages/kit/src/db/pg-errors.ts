/**
 * PostgreSQL error codes surface differently per driver (postgres.js, PGlite) and drizzle may wrap
 * them (`DrizzleQueryError.cause`); this digs out the SQLSTATE and constraint name.
 */
function pgFields(error: unknown): { code?: string; constraint?: string } {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { code: candidate.code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
    current = candidate.cause;
  }
  return {};
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgFields(error);
  return fields.code === '23505' && (constraint === undefined || fields.constraint === constraint);
}
