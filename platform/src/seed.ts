import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { GATEWAY_TOKEN_HEADER, signGatewayRequest, type DemoAccount, type DemoAccountName, type DemoIdentity, type Db, type Logger, type SeedContext } from '@mosaic/kit';
import type { RunningGraph } from './start-graph';

export const DEMO_ACCOUNTS: Readonly<Record<DemoAccountName, DemoAccount>> = {
  user: { email: 'demo@mosaic.dev', password: 'mosaic-sandbox-2026', displayName: 'Demo User' },
  admin: { email: 'admin@mosaic.dev', password: 'mosaic-operator-2026', displayName: 'Demo Admin' },
};
export const DEMO_USER = DEMO_ACCOUNTS.user;
export const DEMO_ADMIN = DEMO_ACCOUNTS.admin;

interface Result<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Seeds call each subgraph's own API, signed as the gateway would sign it: demo data obeys every
 * rule real data does, and seeding works whatever the gateway refuses from outsiders (e.g.
 * TRUSTED_DOCUMENTS=strict).
 */
function subgraphCaller(subgraph: string, url: string, gatewaySecret: string, tokenOf: (as: DemoIdentity) => Promise<string>) {
  return async <D>(query: string, variables: Record<string, unknown> = {}, as: DemoIdentity | null = null): Promise<D> => {
    const token = as ? await tokenOf(as) : undefined;
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_TOKEN_HEADER]: signGatewayRequest(gatewaySecret, subgraph, { method: 'POST', path: new URL(url).pathname, body }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    const result = (await response.json()) as Result<D>;
    if (result.errors?.length || !result.data) throw new Error(`Seeding failed at ${url}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
}

/** The platform's own bookkeeping, beside the subgraphs' schemas: which subgraphs hold demo data. */
const seededTable = pgTable('mosaic_seeded_subgraphs', {
  subgraph: text('subgraph').primaryKey(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
});

async function seededSubgraphs(db: Db): Promise<Set<string>> {
  await db.execute(sql`create table if not exists mosaic_seeded_subgraphs (subgraph text primary key, seeded_at timestamptz not null default now())`);
  return new Set((await db.select({ subgraph: seededTable.subgraph }).from(seededTable)).map((row) => row.subgraph));
}

/**
 * Demo data for `pnpm start`: each subgraph's `seed`, in registry order, once per database — a
 * subgraph added later is seeded on the next start. Demo accounts are signed in (and created when
 * missing) by the subgraph that provides `demoSession`.
 */
export async function seedDemoData(graph: Pick<RunningGraph, 'modules' | 'subgraphUrls' | 'gatewaySecret'>, db: Db, log: Logger): Promise<void> {
  const seeded = await seededSubgraphs(db);
  const pending = graph.modules.filter((module) => module.seed && !seeded.has(module.name));
  if (pending.length === 0) return;
  const issuer = graph.modules.find((module) => module.demoSession);
  if (!issuer) throw new Error('No subgraph provides demoSession: nobody can sign the demo accounts in.');
  const contextFor = (name: string, tokenOf: (as: DemoIdentity) => Promise<string>): SeedContext => ({
    db,
    log: log.child({ seeding: name }),
    demo: DEMO_ACCOUNTS,
    graphql: subgraphCaller(name, graph.subgraphUrls[name]!, graph.gatewaySecret, tokenOf),
  });
  const tokens = new Map<string, Promise<string>>();
  const issuerContext = contextFor(issuer.name, () => Promise.reject(new Error('demoSession signs in anonymously.')));
  const tokenOf = (as: DemoIdentity) => {
    const [account, inOrganization] = typeof as === 'string' ? [as, false] : [as.account, true];
    const key = `${account}:${inOrganization}`;
    if (!tokens.has(key)) tokens.set(key, issuer.demoSession!(issuerContext, account, { inOrganization }));
    return tokens.get(key)!;
  };
  // Both demo accounts exist after the first start, whichever seeds use them.
  await Promise.all([tokenOf('user'), tokenOf('admin')]);
  for (const module of pending) {
    await module.seed!(contextFor(module.name, tokenOf));
    await db.insert(seededTable).values({ subgraph: module.name }).onConflictDoNothing();
  }
}
