import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_APP_ROLE } from '@mosaic/kit';
import { createTestDatabase, type TestDatabase } from '@mosaic/testing';

/**
 * The catalog check of row-level security over every subgraph's migrations: a table with a
 * `tenant_id` column is tenant-scoped, so it must have RLS enabled AND forced (the owner is held
 * to it too) and at least one policy. The one exception is kit's event outbox in every schema:
 * `tenant_id` there is an event envelope's metadata, and the relay reads the outbox across
 * tenants as the owner by design (ADR 0009) — it is never exposed to requests.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

interface TenantTable {
  schema: string;
  table: string;
  rls: boolean;
  forced: boolean;
  policies: number;
  owner: string;
}

async function tenantScopedTables(): Promise<TenantTable[]> {
  if (database.client.kind !== 'postgres') throw new Error('expected PostgreSQL');
  return database.client.sql<TenantTable[]>`
    select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies, pg_get_userbyid(c.relowner) as owner
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where a.attname = 'tenant_id' and not a.attisdropped and c.relkind in ('r', 'p')
      and n.nspname not in ('pg_catalog', 'information_schema')
      and c.relname <> 'outbox'
    order by 1, 2`;
}

describe('row-level security catalog', () => {
  it('every table with tenant_id has RLS enabled, forced, and a policy', async () => {
    const tables = await tenantScopedTables();
    // The tenant-aware domains are there (the check is not vacuous).
    expect(tables.map((t) => `${t.schema}.${t.table}`)).toEqual(expect.arrayContaining(['todos.todos', 'notes.notes']));
    const unguarded = tables.filter((t) => !t.rls || !t.forced || t.policies === 0);
    expect(unguarded).toEqual([]);
  });

  it('the app role requests connect as is no superuser, cannot bypass RLS and owns none of them', async () => {
    if (database.client.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const [role] = await database.client.sql<{ rolsuper: boolean; rolbypassrls: boolean }[]>`select rolsuper, rolbypassrls from pg_roles where rolname = ${TENANT_APP_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    expect((await tenantScopedTables()).filter((t) => t.owner === TENANT_APP_ROLE)).toEqual([]);
  });
});
