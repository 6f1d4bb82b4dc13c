import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  if (dataDir !== 'memory://' && !existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    await initialiseInChildProcess(dataDir);
  }
  // Loaded only when used: PGlite is ~50 MiB of WebAssembly that services (and the gateway) never need.
  const [{ PGlite: Embedded }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const pglite = await Embedded.create(dataDir, PGLITE_OPTIONS);
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  return { kind: 'pglite', pglite, drizzle, close: () => pglite.close() };
}

/**
 * Embedded PostgreSQL sized for a developer machine: PGlite's defaults reserve far more memory
 * (128 MB shared buffers, a large initial WebAssembly heap) than an all-in-one graph needs; it
 * grows on demand.
 */
const PGLITE_OPTIONS = { initialMemory: 128 * 1024 * 1024, postgresqlconf: ['shared_buffers=32MB'] };

/**
 * Creating a data directory (initdb) makes PGlite hold ~600 MB that the process never gives back;
 * doing it in a short-lived child process keeps that out of the long-running one.
 */
async function initialiseInChildProcess(dataDir: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href.replace(/index\.cjs$/, 'index.js');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); const db = await PGlite.create(${JSON.stringify(dataDir)}); await db.close();`;
  await new Promise<void>((done, fail) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (error, _stdout, stderr) => (error ? fail(new Error(`Could not create the PGlite data directory ${dataDir}: ${stderr || error.message}`)) : done()));
  });
}

/** A drizzle database over a client; `onQuery` sees every statement (used to count them in tests). */
export function drizzleOver(client: SqlClient, onQuery?: QueryObserver): Db {
  const logger: DrizzleLogger | undefined = onQuery ? { logQuery: onQuery } : undefined;
  return client.kind === 'postgres'
    ? drizzlePostgres(client.sql, logger ? { logger } : {})
    : client.drizzle(client.pglite, logger ? { logger } : {});
}
