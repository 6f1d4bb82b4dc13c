import postgres from 'postgres';
import { TENANT_APP_ROLE, uuidv7 } from '@mosaic/kit';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { saveResult } from './machine';

/**
 * What row-level security costs on todos' tenant-scoped list (an organisation's first page of 20
 * shared todos in manual order, as `organizationTodos` asks for it), all variants in one run,
 * interleaved, on the same data and the same PostgreSQL server:
 * - rls: as requests run — the app role, one transaction, the tenant bound with set_config, the
 *   policies of `todos_read`/`todos_write` evaluated by PostgreSQL;
 * - bypass: the same transaction and set_config, as the superuser owner (PostgreSQL skips the
 *   policies): the difference to `rls` is the policies alone;
 * - plain: the query alone, no transaction, no binding — how todos ran before tenancy.
 */
const TENANTS = Number(process.env.TENANTS ?? 50);
const TODOS_PER_TENANT = Number(process.env.TODOS_PER_TENANT ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const LIST = (db: postgres.TransactionSql | postgres.Sql, tenant: string) =>
  db`select id, owner_id, tenant_id, title, done, priority, position, due_at, created_at from todos.todos where tenant_id = ${tenant} order by position, id limit 21`;

type Variant = 'rls' | 'bypass' | 'plain';

async function main() {
  await prepareTemplateDatabase();
  const database = await createTestDatabase();
  const owner = postgres(database.url, { max: CONCURRENCY, onnotice: () => {} });
  const appUrl = new URL(database.url);
  appUrl.username = TENANT_APP_ROLE;
  const app = postgres(appUrl.toString(), { max: CONCURRENCY, onnotice: () => {} });
  try {
    const tenants = Array.from({ length: TENANTS }, () => uuidv7());
    const rows = tenants.flatMap((tenant) =>
      Array.from({ length: TODOS_PER_TENANT }, (_, i) => ({ id: uuidv7(), owner_id: uuidv7(), tenant_id: tenant, title: `todo ${i}`, done: false, priority: i % 5, position: i * 1024, created_at: new Date(), updated_at: new Date() })),
    );
    for (let i = 0; i < rows.length; i += 1000) await owner`insert into todos.todos ${owner(rows.slice(i, i + 1000))}`;
    await owner`analyze todos.todos`;

    const once: Record<Variant, (tenant: string) => Promise<number>> = {
      rls: async (tenant) =>
        (await app.begin(async (tx) => {
          await tx`select set_config('role', ${TENANT_APP_ROLE}, true), set_config('mosaic.tenant_id', ${tenant}, true), set_config('mosaic.user_id', '', true), set_config('mosaic.admin', '', true)`;
          return LIST(tx, tenant);
        })).length,
      bypass: async (tenant) =>
        (await owner.begin(async (tx) => {
          await tx`select set_config('mosaic.tenant_id', ${tenant}, true), set_config('mosaic.user_id', '', true), set_config('mosaic.admin', '', true), set_config('mosaic.unused', '', true)`;
          return LIST(tx, tenant);
        })).length,
      plain: async (tenant) => (await LIST(owner, tenant)).length,
    };
    // Same answers from every variant, or the comparison means nothing.
    for (const variant of Object.keys(once) as Variant[]) if ((await once[variant](tenants[0]!)) !== 21) throw new Error(`${variant} returned a different page`);

    const measure = async (variant: Variant) => {
      let done = 0;
      const until = Date.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, worker) => {
          for (let i = worker; Date.now() < until; i += CONCURRENCY) {
            await once[variant](tenants[i % tenants.length]!);
            done++;
          }
        }),
      );
      return Math.round(done / SECONDS);
    };
    const rounds: Record<Variant, number>[] = [];
    for (const variant of Object.keys(once) as Variant[]) await measure(variant); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const result = {} as Record<Variant, number>;
      for (const variant of (round % 2 ? ['plain', 'bypass', 'rls'] : ['rls', 'bypass', 'plain']) as Variant[]) result[variant] = await measure(variant);
      rounds.push(result);
      console.log(`round ${round + 1}: rls ${result.rls} rps, bypass ${result.bypass} rps, plain ${result.plain} rps`);
    }
    const median = (variant: Variant) => rounds.map((r) => r[variant]).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
    const summary = {
      setup: { tenants: TENANTS, todosPerTenant: TODOS_PER_TENANT, concurrency: CONCURRENCY, secondsPerVariant: SECONDS, rounds: ROUNDS },
      rounds,
      medianRps: { rls: median('rls'), bypass: median('bypass'), plain: median('plain') },
      policyOverheadPercent: Math.round((1 - median('rls') / median('bypass')) * 1000) / 10,
      totalOverheadVsPlainPercent: Math.round((1 - median('rls') / median('plain')) * 1000) / 10,
    };
    console.log(JSON.stringify(summary, null, 2));
    saveResult('rls-overhead', summary);
  } finally {
    await app.end();
    await owner.end();
    await database.drop();
  }
}

await main();
