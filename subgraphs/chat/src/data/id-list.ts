import { sql, type SQL } from 'drizzle-orm';

/**
 * `unnest(array[$1, $2, …]::uuid[]) with ordinality as <alias>(id, ord)`: the parents of a lateral
 * page query, one parameter each (portable across postgres.js and PGlite); `ord` keeps the callers' order.
 */
export function uuidRows(ids: readonly string[], alias: string): SQL {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`unnest(array[${list}]::uuid[]) with ordinality as ${sql.raw(alias)}(id, ord)`;
}
