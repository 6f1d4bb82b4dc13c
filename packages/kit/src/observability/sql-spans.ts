/** Runs work in a span (tracing.ts's `inSpan`, passed in so this module does not import it back). */
type RunInSpan = (name: string, attributes: Record<string, string>, work: () => Promise<unknown>) => Promise<unknown>;

type QueryMethod = (this: { queryString: string }, ...args: unknown[]) => Promise<unknown>;

let instrumented = false;

/**
 * One span per SQL statement (`db.query`, with the statement text, never its parameters), for
 * both drivers. drizzle ships span calls but no way to switch them on, so its prepared-query
 * classes are wrapped here — the way OpenTelemetry instrumentations wrap libraries.
 */
export async function instrumentSqlQueries(span: RunInSpan): Promise<void> {
  if (instrumented) return;
  instrumented = true;
  const [{ PglitePreparedQuery }, { PostgresJsPreparedQuery }] = await Promise.all([import('drizzle-orm/pglite/session'), import('drizzle-orm/postgres-js/session')]);
  for (const prototype of [PostgresJsPreparedQuery.prototype, PglitePreparedQuery.prototype] as unknown as Record<string, QueryMethod>[]) {
    for (const method of ['execute', 'all']) {
      const original = prototype[method];
      if (!original) continue;
      prototype[method] = function (this: { queryString: string }, ...args: unknown[]) {
        return span('db.query', { 'db.system': 'postgresql', 'db.statement': this.queryString }, () => original.apply(this, args));
      };
    }
  }
}
