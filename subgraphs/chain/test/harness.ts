import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter, type TestDatabase } from '@mosaic/testing';
import type { BuiltChain } from '../src/build';
import chainSubgraph from '../src/index';
import type { ChainNetwork } from '../src/providers/network';

/** Settings every test starts from: mine on demand, track quickly, throw-away development key-encryption keys. */
export const TEST_ENV = (): NodeJS.ProcessEnv => ({
  CHAIN_DEVNET_MINING: 'auto',
  CHAIN_POLL_INTERVAL_MS: '600000',
  CHAIN_CONFIRMATIONS: '2',
  DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'chain-keys-')),
});

export interface Shared {
  database: TestDatabase;
  /** Unset: the replica starts a development network of its own (a restart of the only replica). */
  network?: ChainNetwork;
  /** Replicas of one deployment share its key-encryption keys. */
  keysDir: string;
}

/**
 * The chain subgraph over real HTTP on a fresh database (or a shared one, for a second replica),
 * with real tokens and a statement counter. The tracker's timer is effectively off: tests run
 * `app.chain.tick()` when they want a tracking round.
 */
export async function startChain(env: NodeJS.ProcessEnv = {}, shared?: Shared, auth?: Awaited<ReturnType<typeof createTestAuth>>) {
  const database = shared?.database ?? (await createTestDatabase());
  const testAuth = auth ?? (await createTestAuth());
  const counter = new StatementCounter();
  const settings = { ...TEST_ENV(), ...(shared ? { DEV_KEYS_DIR: shared.keysDir } : {}), ...env };
  const served = await serveModuleForTest(chainSubgraph, { db: database.db(counter.observe), client: database.client, verifier: testAuth.verifier, ...(shared?.network ? { network: shared.network } : {}) }, settings);
  const chain = (served.built as BuiltChain).chain;
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    url: served.url,
    auth: testAuth,
    counter,
    call,
    chain,
    database,
    shared: { database, network: chain.network, keysDir: settings.DEV_KEYS_DIR! } satisfies Shared,
    /** Mines a block, then runs a tracking round. */
    async mineAndTrack(blocks = 1) {
      for (let i = 0; i < blocks; i++) await chain.network.mine!();
      await chain.tick();
    },
    async close() {
      await served.close();
      if (!shared) await database.drop();
    },
  };
}

export type ChainApp = Awaited<ReturnType<typeof startChain>>;

export const CREATE_WALLET = `mutation($input: CreateWalletInput!) { createWallet(input: $input) { mnemonic wallet { id address kind derivationPath balance } funding { id status value } } }`;
export const SEND = `mutation($input: TransferInput!) { sendTransfer(input: $input) { id status hash nonce value from to kind } }`;
export const TX = `query($id: ID!) { chainTransaction(id: $id) { id status confirmations blockNumber gasUsed revertReason replacedBy { id status } } }`;

/** A funded HD wallet for `token`'s user. */
export async function fundedWallet(app: ChainApp, token: string, label = 'main'): Promise<{ id: string; address: string }> {
  const created = await app.call(CREATE_WALLET, { input: { label } }, token);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return created.data!.createWallet.wallet;
}
