import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { drizzle as drizzlePgliteType } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseConfig } from '../env/models';

/** What repositories receive: a drizzle database, the same API over postgres.js or PGlite. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** A connection to PostgreSQL that several subgraphs can share (all-in-one) or own (services). */
export type SqlClient =
  | { kind: 'postgres'; sql: postgres.Sql; url: string; close(): Promise<void> }
  | { kind: 'pglite'; pglite: PGlite; drizzle: typeof drizzlePgliteType; close(): Promise<void> };

export type QueryObserver = (query: string, params: unknown[]) => void;

export async function openSqlClient(config: DatabaseConfig): Promise<SqlClient> {
  if (config.kind === 'postgres') {
    const sql = postgres(config.url, {
      max: config.poolMax,
      onnotice: () => {},
      // Timestamps are read as ISO strings so no Date ↔ timezone conversion happens in the driver.
      connection: { TimeZone: 'UTC' },
    });
    return { kind: 'postgres', sql, url: config.url, close: () => sql.end({ timeout: 5 }) };
  }
  const dataDir = config.dataDir === 'memory://' ? config.dataDir : resolve(config.dataDir);
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  // Loaded only when used: PGlite is ~50 MiB of WebAssembly that services (and the gateway) never need.
  const [{ PGlite: Embedded }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const pglite = await Embedded.create(dataDir);
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  return { kind: 'pglite', pglite, drizzle, close: () => pglite.close() };
}

/** A drizzle database over a client; `onQuery` sees every statement (used to count them in tests). */
export function drizzleOver(client: SqlClient, onQuery?: QueryObserver): Db {
  const logger: DrizzleLogger | undefined = onQuery ? { logQuery: onQuery } : undefined;
  return client.kind === 'postgres'
    ? drizzlePostgres(client.sql, logger ? { logger } : {})
    : client.drizzle(client.pglite, logger ? { logger } : {});
}
