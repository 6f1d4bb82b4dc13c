import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { applyMigrations, drizzleOver, TENANT_APP_ROLE, EVENT_TABLE_MIGRATIONS, openSqlClient, type Db, type QueryObserver, type SqlClient } from '@mosaic/kit';
import { repoRoot } from './repo-root';

/** The PostgreSQL server tests use; a maintenance database to create test databases from. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every subgraph's migrations, by the layout convention `subgraphs/<schema>/drizzle`. */
export function allMigrationSets() {
  const dir = join(repoRoot, 'subgraphs');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'drizzle', 'meta', '_journal.json')))
    .sort()
    .map((name) => ({ schema: name, folder: join(dir, name, 'drizzle') }));
}

/** Changes whenever any migration changes, so a stale template is never reused. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const migration of EVENT_TABLE_MIGRATIONS) hash.update(migration('schema'));
  for (const set of allMigrationSets()) {
    // The journal too: drizzle decides what to apply by its timestamps, not by the SQL text.
    for (const file of [...readdirSync(set.folder).filter((f) => f.endsWith('.sql')).sort(), 'meta/_journal.json']) {
      hash.update(set.schema).update(file).update(readFileSync(join(set.folder, file)));
    }
  }
  return `mosaic_template_${hash.digest('hex').slice(0, 12)}`;
}

/** Older templates kept besides the current one. */
const KEPT_TEMPLATES = 12;

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Vitest globalSetup: one migrated template database for the run (built once per migration set,
 * older templates dropped); each test file then clones it in milliseconds.
 */
export async function prepareTemplateDatabase(): Promise<string> {
  const name = templateName();
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    // Newest first; several older templates are kept so concurrent runs on other migrations (other
    // branches' checkouts on one machine) keep their own.
    const existing = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'mosaic_template_%' order by oid desc`;
    for (const { datname } of existing.filter((row) => row.datname !== name).slice(KEPT_TEMPLATES)) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
    if (!existing.some((row) => row.datname === name)) {
      const building = `${name}_building_${randomBytes(3).toString('hex')}`;
      await admin.unsafe(`create database "${building}"`);
      const client = await openSqlClient({ kind: 'postgres', url: urlFor(building), poolMax: 2 });
      try {
        for (const set of allMigrationSets()) await applyMigrations(client, set);
      } finally {
        await client.close();
      }
      await admin.unsafe(`alter database "${building}" rename to "${name}"`).catch(async (error: unknown) => {
        await admin.unsafe(`drop database if exists "${building}"`);
        // Another run built it meanwhile: that one is as good as ours.
        if (!(await admin`select 1 from pg_database where datname = ${name}`).length) throw error;
      });
    }
    // Databases left behind by interrupted runs (older than an hour, so a concurrent run keeps its own).
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'mosaic_t_%'`;
    for (const { datname } of stale) {
      const createdAt = parseInt(datname.split('_')[2] ?? '', 36);
      if (Date.now() - createdAt > 3_600_000) await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
    return name;
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  client: SqlClient;
  /** A drizzle database on this test database; `onQuery` sees each statement. */
  db(onQuery?: QueryObserver): Db;
  /**
   * The same database logged in as the non-owner app role (what row-level-security subgraphs'
   * requests use in services mode): policies apply to everything it runs.
   */
  appDb(onQuery?: QueryObserver): Db;
  [Symbol.asyncDispose](): Promise<void>;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateName();
  const name = `mosaic_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Concurrent clones of one template can collide; they succeed on retry.
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const client = await openSqlClient({ kind: 'postgres', url, poolMax: 5 });
  let appClient: SqlClient | undefined;
  const appDb = (onQuery?: QueryObserver) => {
    appClient ??= postgresClient(urlAs(url, TENANT_APP_ROLE));
    return drizzleOver(appClient, onQuery);
  };
  const drop = async () => {
    await appClient?.close();
    await client.close();
    const cleaner = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await cleaner.unsafe(`drop database if exists "${name}" with (force)`).finally(() => cleaner.end());
  };
  return { name, url, client, db: (onQuery) => drizzleOver(client, onQuery), appDb, drop, [Symbol.asyncDispose]: drop };
}

function urlAs(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
}

/** A pool opened synchronously (postgres.js connects lazily), so `appDb()` needs no await. */
function postgresClient(url: string): SqlClient {
  const sql = postgres(url, { max: 5, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  return { kind: 'postgres', sql, url, close: () => sql.end({ timeout: 5 }) };
}
