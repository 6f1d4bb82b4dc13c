import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { authorizationFor, createEventBus, createInProcessTransport, drizzleOver, generateFieldKey, openSqlClient, readScopeCatalog, scopesForRoles, uuidv7, type Viewer } from '@mosaic/kit';
import bankingSubgraph from '@mosaic/banking';
import { createTestAuth, createTestDatabase, graphql, prepareTemplateDatabase, repoRoot, serveModuleForTest, testEventsConfig, testLogger } from '@mosaic/testing';
import { createMemoryRateLimiter } from '@mosaic/gateway';
import { startTestGraph } from '@mosaic/platform/testing';
import { bankingEnv, bankingEvents, createLoaders, createTransferBatcher, createOfflineFxProvider, createTransfer, depositFunds, loadBankingSecrets, openAccount, type LedgerContext } from '@mosaic/banking/ledger';
import { LatencyHistogram } from './latency-histogram';
import { saveResult } from './machine';
import { join } from 'node:path';

/**
 * Banking: (1) posted transfers per second through the ledger's domain functions on PostgreSQL
 * (the transaction a GraphQL request runs: ordered row locks, idempotency claim, postings, audit,
 * outbox), between distinct account pairs — no two in-flight transfers share an account — and
 * (2) with every transfer touching one hot account; each batched (BANKING_BATCH_MAX=200, the
 * default) and with one transaction per transfer (=1), in the same run; invariants checked after
 * each run (Σ balances unchanged, running balances replay). (3) createTransfer latency through the gateway vs straight
 * to the banking subgraph, same run.
 */
const TRANSFERS = Number(process.env.TRANSFERS ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const GATEWAY_REQUESTS = Number(process.env.GATEWAY_REQUESTS ?? 600);
const GATEWAY_CONCURRENCY = Number(process.env.GATEWAY_CONCURRENCY ?? 16);

/** `RUNS=distinct-pairs:200,hot-account:1` picks runs (`none`: only the gateway part); all four by default. */
const RUNS = (process.env.RUNS ?? 'distinct-pairs:200,distinct-pairs:1,hot-account:200,hot-account:1').split(',').filter((run) => run !== 'none').map((run) => {
  const [mode, batchMax] = run.split(':');
  if (mode !== 'distinct-pairs' && mode !== 'hot-account') throw new Error(`RUNS: unknown mode ${mode}`);
  return [mode, Number(batchMax ?? 200)] as const;
});
const SKIP_GATEWAY = process.env.SKIP_GATEWAY === '1';
const POOL_MAX = Number(process.env.POOL_MAX ?? 10);

const scopeCatalog = readScopeCatalog(join(repoRoot, 'schema', 'scopes.json'));
const viewer = (userId: string, roles = ['user']): Viewer => ({ userId, sessionId: uuidv7(), roles, scopes: new Set(scopesForRoles(scopeCatalog, roles)), amr: ['pwd'] });

async function pool(count: number, concurrency: number, job: (i: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    while (next < count) await job(next++, worker);
  }));
}

async function ledgerRun(mode: 'distinct-pairs' | 'hot-account', batchMax: number) {
  const database = await createTestDatabase();
  // The service's pool (DATABASE_POOL_MAX defaults to 10), whatever the number of requests in flight.
  const client = await openSqlClient({ kind: 'postgres', url: database.url, poolMax: POOL_MAX });
  const db = drizzleOver(client);
  const bus = createEventBus(createInProcessTransport(), testEventsConfig, testLogger);
  const events = bus.forSubgraph('banking', client).outbox(bankingEvents);
  const settings = bankingEnv.parse({ BANKING_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('k')]), BANKING_LOOKUP_KEYS: JSON.stringify([generateFieldKey('l')]), BANKING_MAX_ACCOUNTS_PER_USER: '1000' });
  const base = { db, now: () => new Date(), settings, events, secrets: loadBankingSecrets(settings), fx: createOfflineFxProvider(() => new Date()), log: testLogger };
  const batcher = batchMax > 1 ? createTransferBatcher(base, testLogger, batchMax, settings.batchesInFlight) : undefined;
  const as = (v: Viewer): LedgerContext => ({ ...base, viewer: v, auth: authorizationFor(v), ...(batcher ? { batcher } : {}) });
  try {
    const owner = uuidv7();
    const admin = as(viewer(uuidv7(), ['admin']));
    const accounts: string[] = [];
    for (let i = 0; i < CONCURRENCY * 2; i++) {
      const row = await openAccount({ ...as(viewer(owner)), loaders: createLoaders(db) }, { kind: 'CHECKING', currency: 'EUR', name: `b${i}`, holderName: 'Bench' });
      await depositFunds(admin, { idempotencyKey: `d${i}`, accountId: row.id, amount: 1_000_000_000n });
      accounts.push(row.id);
    }
    const ctx = as(viewer(owner));
    let refused = 0;
    const refusals: Record<string, number> = {};
    const latencies = new LatencyHistogram();
    const started = performance.now();
    await pool(TRANSFERS, CONCURRENCY, async (i, worker) => {
      // Distinct pairs: worker w only moves money between its own two accounts. Hot: every transfer touches account 0.
      const [a, b] = mode === 'distinct-pairs' ? [accounts[2 * worker]!, accounts[2 * worker + 1]!] : [accounts[0]!, accounts[1 + (i % (accounts.length - 1))]!];
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      const t = performance.now();
      try {
        await createTransfer(ctx, { idempotencyKey: `t${i}`, fromAccountId: from, toAccountId: to, amount: BigInt(1 + (i % 500)) });
      } catch (error) {
        refused++;
        const code = (error as { extensions?: { reason?: string; code?: string } }).extensions;
        const label = code?.reason ?? code?.code ?? (error instanceof Error ? error.message.slice(0, 80) : 'unknown');
        refusals[label] = (refusals[label] ?? 0) + 1;
      }
      latencies.record(performance.now() - t);
    });
    const seconds = (performance.now() - started) / 1000;
    const [check] = (await db.execute<{ customers: string; all: string; bad: number; posted: number }>(sql`
      select (select sum(balance) from banking.bank_accounts where owner_id is not null)::text as customers,
             (select sum(balance) from banking.bank_accounts)::text as all,
             (select count(*)::int from banking.bank_accounts a where a.balance <> coalesce((select sum(amount) from banking.postings p where p.account_id = a.id), 0)) as bad,
             (select count(*)::int from banking.transfers where kind = 'INTERNAL' and status = 'POSTED') as posted`)) as unknown as { customers: string; all: string; bad: number; posted: number }[];
    const invariants = { sumOfCustomerBalances: check!.customers, expected: (BigInt(accounts.length) * 1_000_000_000n).toString(), sumOfAllBalances: check!.all, accountsNotMatchingReplay: check!.bad };
    const ok = invariants.sumOfCustomerBalances === invariants.expected && invariants.sumOfAllBalances === '0' && invariants.accountsNotMatchingReplay === 0;
    return { mode, batchMax, transfers: TRANSFERS, concurrency: CONCURRENCY, posted: check!.posted, refused, refusals, poolMax: POOL_MAX, seconds: Number(seconds.toFixed(2)), postedPerSecond: Math.round(check!.posted / seconds), p50Ms: latencies.percentile(50), p99Ms: latencies.percentile(99), invariantsHold: ok, invariants };
  } finally {
    await bus.close();
    await client.close();
    await database.drop();
  }
}

async function gatewayLatency() {
  process.env.LOG_LEVEL ??= 'silent';
  process.env.BANKING_MAX_ACCOUNTS_PER_USER = '1000';
  // Rate limits off: one user sends every request here, which the per-user limit (600/min) is meant to stop.
  const graph = await startTestGraph({ security: { rateLimits: { limiter: createMemoryRateLimiter(), perIp: 0, perUser: 0 } } });
  try {
    const { token } = await graph.signUp(`bench-${uuidv7()}@example.com`);
    const open = async () => (await graph.call(`mutation { openBankAccount(input: { kind: CHECKING, currency: "EUR", name: "b", holderName: "Bench" }) { id } }`, {}, token)).data!.openBankAccount.id as string;
    const accounts = await Promise.all(Array.from({ length: 2 * GATEWAY_CONCURRENCY }, open));
    const adminEmail = `bench-admin-${uuidv7()}@example.com`;
    await graph.signUp(adminEmail);
    const { grantRole } = await import('@mosaic/accounts');
    await grantRole(graph.database.db(), adminEmail, 'admin');
    const admin = (await graph.call(`mutation { login(input: { email: "${adminEmail}", password: "velvet-otter-lantern" }) { accessToken } }`)).data!.login.accessToken as string;
    for (const [i, id] of accounts.entries()) await graph.call(`mutation($input: DepositFundsInput!) { depositFunds(input: $input) { id } }`, { input: { idempotencyKey: `d${i}`, accountId: id, amount: '1000000000' } }, admin);
    return { gateway: await latencyOf(graph.gatewayUrl, token, accounts, 'gateway') };
  } finally {
    await graph.close();
  }
}

/** The peer in the same run: the banking subgraph alone over HTTP (no gateway), its own database. */
async function subgraphLatency() {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const served = await serveModuleForTest(bankingSubgraph, { db: database.db(), client: database.client, verifier: auth.verifier }, { LOG_LEVEL: 'silent', BANKING_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('k')]), BANKING_LOOKUP_KEYS: JSON.stringify([generateFieldKey('l')]), BANKING_MAX_ACCOUNTS_PER_USER: '1000' });
  try {
    const user = await auth.newUser();
    const admin = await auth.newUser(['user', 'admin']);
    const accounts: string[] = [];
    for (let i = 0; i < 2 * GATEWAY_CONCURRENCY; i++) {
      const id = (await graphql(served.url, `mutation { openBankAccount(input: { kind: CHECKING, currency: "EUR", name: "b", holderName: "Bench" }) { id } }`, {}, { token: user.token })).data!.openBankAccount.id as string;
      await graphql(served.url, `mutation($input: DepositFundsInput!) { depositFunds(input: $input) { id } }`, { input: { idempotencyKey: `d${i}`, accountId: id, amount: '1000000000' } }, { token: admin.token });
      accounts.push(id);
    }
    return await latencyOf(served.url, user.token, accounts, 'subgraph');
  } finally {
    await served.close();
    await database.drop();
  }
}

async function latencyOf(url: string, token: string, accounts: string[], label: string) {
  const latencies = new LatencyHistogram();
  let errors = 0;
  const codes: Record<string, number> = {};
  const started = performance.now();
  await pool(GATEWAY_REQUESTS, GATEWAY_CONCURRENCY, async (i, worker) => {
    const [from, to] = i % 2 === 0 ? [accounts[2 * worker]!, accounts[2 * worker + 1]!] : [accounts[2 * worker + 1]!, accounts[2 * worker]!];
    const t = performance.now();
    const response = await graphql(url, `mutation($input: CreateTransferInput!) { createTransfer(input: $input) { id status } }`, { input: { idempotencyKey: `${label}-${i}`, fromAccountId: from, toAccountId: to, amount: '1' } }, { token });
    latencies.record(performance.now() - t);
    if (response.errors) {
      errors++;
      for (const error of response.errors) codes[String(error.extensions?.code)] = (codes[String(error.extensions?.code)] ?? 0) + 1;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return { requests: GATEWAY_REQUESTS, concurrency: GATEWAY_CONCURRENCY, errors, errorCodes: codes, rps: Math.round(GATEWAY_REQUESTS / seconds), p50Ms: latencies.percentile(50), p95Ms: latencies.percentile(95), p99Ms: latencies.percentile(99) };
}

await prepareTemplateDatabase();
const rounds: Awaited<ReturnType<typeof ledgerRun>>[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const [mode, batchMax] of RUNS) {
    const result = await ledgerRun(mode, batchMax);
    console.log(JSON.stringify({ round, ...result }));
    rounds.push(result);
  }
}
const gateway = SKIP_GATEWAY ? null : await gatewayLatency();
const subgraph = SKIP_GATEWAY ? null : await subgraphLatency();
console.log(JSON.stringify({ gateway, subgraph }));
const file = saveResult(process.env.RESULT_NAME ?? 'banking', { settings: { TRANSFERS, CONCURRENCY, ROUNDS, GATEWAY_REQUESTS, GATEWAY_CONCURRENCY }, loadAverageAtEnd: loadavg(), ledger: rounds, throughGateway: gateway?.gateway ?? null, subgraphAlone: subgraph });
console.log(`wrote ${file}`);
process.exit(0);
