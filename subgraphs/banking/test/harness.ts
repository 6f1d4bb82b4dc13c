import { pino } from 'pino';
import { authorizationFor, createEventBus, createInProcessTransport, drizzleOver, generateFieldKey, openSqlClient, scopesForRoles, readScopeCatalog, uuidv7, type Viewer } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, repoRoot, serveModuleForTest, StatementCounter, testEventsConfig, testLogger } from '@mosaic/testing';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { LedgerContext } from '../src/context';
import { loadBankingSecrets } from '../src/domain/secrets';
import { createTransferBatcher } from '../src/domain/transfer-batcher';
import { bankingEnv } from '../src/env';
import { bankingEvents } from '../src/events';
import { createOfflineFxProvider } from '../src/providers/fx/offline';
import bankingSubgraph from '../src/index';

/** Keys of the test's own, so nothing is written to DEV_KEYS_DIR. */
export const testKeys = () => ({ BANKING_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('kek-test')]), BANKING_LOOKUP_KEYS: JSON.stringify([generateFieldKey('lookup-test')]) });

/** Every log line the subgraph writes, to check that nothing sensitive reaches them. */
export function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

/** The banking subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startBanking(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const logs = capturedLogger();
  const settingsEnv = { ...testKeys(), ...env };
  const served = await serveModuleForTest(bankingSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, log: logs.log }, settingsEnv);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    auth,
    counter,
    call,
    database,
    logs: logs.lines,
    settings: bankingEnv.parse(settingsEnv),
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

const scopeCatalog = readScopeCatalog(join(repoRoot, 'schema', 'scopes.json'));

/** A viewer as a verified token would give, optionally with a second factor proved just now. */
export function viewerFor(userId: string, options: { roles?: string[]; steppedUp?: boolean } = {}): Viewer {
  const roles = options.roles ?? ['user'];
  return {
    userId,
    sessionId: uuidv7(),
    roles,
    scopes: new Set(scopesForRoles(scopeCatalog, roles)),
    amr: options.steppedUp ? ['pwd', 'otp', 'mfa'] : ['pwd'],
    authTime: options.steppedUp ? Math.floor(Date.now() / 1000) : undefined,
  };
}

/**
 * A fresh database and the ledger's domain context for calling domain functions directly (no
 * GraphQL): `as(viewer)` gives the context of a request by that viewer.
 */
export async function startLedger(env: NodeJS.ProcessEnv = {}, poolMax = 10) {
  const database = await createTestDatabase();
  const client = await openSqlClient({ kind: 'postgres', url: database.url, poolMax });
  const db = drizzleOver(client);
  const bus = createEventBus(createInProcessTransport(), testEventsConfig, testLogger);
  const events = bus.forSubgraph('banking', client).outbox(bankingEvents);
  const settings = bankingEnv.parse({ ...testKeys(), ...env });
  const secrets = loadBankingSecrets(settings);
  const base = { db, now: () => new Date(), settings, events, secrets, fx: createOfflineFxProvider(() => new Date()), log: testLogger };
  // As the service runs it (BANKING_BATCH_MAX > 1): concurrent transfers share transactions.
  const batcher = settings.batchMax > 1 ? createTransferBatcher(base, testLogger, settings.batchMax, settings.batchesInFlight) : undefined;
  const as = (viewer: Viewer): LedgerContext => ({ ...base, viewer, auth: authorizationFor(viewer), ...(batcher ? { batcher } : {}) });
  return {
    ...base,
    database,
    as,
    async close() {
      await bus.close();
      await client.close();
      await database.drop();
    },
  };
}
