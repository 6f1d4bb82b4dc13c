import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNonceManager, createWalletClient, defineChain, type Hex } from 'viem';
import { getTransactionCount } from 'viem/actions';
import { generateMnemonic, mnemonicToAccount, english } from 'viem/accounts';
import chainSubgraph, { verifyMessageSignature, verifyTypedDataSignature, type BuiltChain } from '@mosaic/chain';
import { createTestAuth, createTestDatabase, graphql, prepareTemplateDatabase, serveModuleForTest } from '@mosaic/testing';
import { median, saveResult } from './machine';

/**
 * Chain: (1) transfers per second from ONE account through TWO replicas of the chain subgraph on
 * one PostgreSQL database (the nonce manager) and the development network, over GraphQL; every
 * nonce checked for collisions and gaps, on the database and on the network. Peers in the same
 * run: one replica alone, and two "replicas" using viem's per-process nonce manager straight
 * against the network (what the Postgres nonce manager replaces). (2) Signature verifications per
 * second (EIP-191 and EIP-712), in process.
 */
const TRANSFERS = Number(process.env.TRANSFERS ?? 400);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SEND = `mutation($input: TransferInput!) { sendTransfer(input: $input) { nonce } }`;
const baseEnv = { CHAIN_POLL_INTERVAL_MS: '600000', LOG_LEVEL: 'silent' };
/**
 * `auto`: each accepted transaction is mined inside eth_sendRawTransaction (the EVM runs while the
 * nonce lock is held); `100`: a block every 100 ms, so a send only enters the pool, as with a
 * real node.
 */
const MINING_MODES = ['auto', '100'] as const;
let env: Record<string, string> = { ...baseEnv, CHAIN_DEVNET_MINING: 'auto' };

/** Runs `count` jobs with at most `concurrency` in flight. */
async function pool<T>(count: number, concurrency: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await job(i);
      }
    }),
  );
  return results;
}

/** Waits until the faucet's transfer to `address` is mined (interval mining). */
async function funded(network: BuiltChain['chain']['network'], address: Hex): Promise<void> {
  while ((await network.client.getBalance({ address })) === 0n) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Duplicates and holes in a list of nonces that should be 0…n−1. */
function nonceReport(nonces: bigint[]) {
  const distinct = new Set(nonces.map(String));
  const max = nonces.reduce((a, b) => (b > a ? b : a), -1n);
  return { collisions: nonces.length - distinct.size, gaps: Number(max + 1n) - distinct.size };
}

async function throughReplicas(replicas: 1 | 2) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const keysDir = mkdtempSync(join(tmpdir(), 'chain-bench-keys-'));
  const first = await serveModuleForTest(chainSubgraph, { db: database.db(), verifier: auth.verifier }, { ...env, DEV_KEYS_DIR: keysDir });
  const network = (first.built as BuiltChain).chain.network;
  const servers = [first];
  if (replicas === 2) servers.push(await serveModuleForTest(chainSubgraph, { db: database.db(), verifier: auth.verifier, network }, { ...env, DEV_KEYS_DIR: keysDir }));
  try {
    const user = await auth.newUser();
    const created = await graphql(first.url, `mutation { createWallet(input: { label: "bench" }) { wallet { id address } } }`, {}, { token: user.token });
    const wallet = created.data!.createWallet.wallet as { id: string; address: Hex };
    await funded(network, wallet.address);
    const started = performance.now();
    const results = await pool(TRANSFERS, CONCURRENCY, (i) =>
      graphql(servers[i % servers.length]!.url, SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, { token: user.token }),
    );
    const seconds = (performance.now() - started) / 1000;
    const errors = results.filter((r) => r.errors).length;
    const nonces = results.filter((r) => !r.errors).map((r) => BigInt(r.data!.sendTransfer.nonce));
    const onNetwork = await network.client.getTransactionCount({ address: wallet.address, blockTag: 'pending' });
    return { replicas, transfers: TRANSFERS, errors, seconds: round(seconds), transfersPerSecond: round(nonces.length / seconds), ...nonceReport(nonces), acceptedByNetwork: onNetwork };
  } finally {
    for (const server of servers.reverse()) await server.close();
    await database.drop();
  }
}

/** The peer: two senders each with viem's own (per-process) nonce manager, on one account, straight to the network. */
async function viemNonceManagers() {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const served = await serveModuleForTest(chainSubgraph, { db: database.db(), verifier: auth.verifier }, { ...env, DEV_KEYS_DIR: mkdtempSync(join(tmpdir(), 'chain-bench-keys-')) });
  const network = (served.built as BuiltChain).chain.network;
  try {
    const phrase = generateMnemonic(english);
    // One nonce manager per "process", as two replicas of a service using viem would have.
    const [a, b] = [0, 1].map(() => mnemonicToAccount(phrase, { nonceManager: createNonceManager({ source: { get: ({ address, client }) => getTransactionCount(client, { address, blockTag: 'pending' }), set: () => {} } }) })) as [ReturnType<typeof mnemonicToAccount>, ReturnType<typeof mnemonicToAccount>];
    const chain = defineChain({ id: network.chainId, name: 'devnet', nativeCurrency: { name: 'ETH', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [] } } });
    const faucet = createWalletClient({ chain, account: network.faucet!.account, transport: network.transport });
    await faucet.sendTransaction({ to: a.address, value: 10n ** 19n });
    await funded(network, a.address);
    const senders = [a, b].map((account) => createWalletClient({ chain, account, transport: network.transport }));
    const started = performance.now();
    const outcomes = await pool(TRANSFERS, CONCURRENCY, async (i) => {
      try {
        await senders[i % 2]!.sendTransaction({ to: RECIPIENT, value: 1n, gas: 21000n });
        return true;
      } catch {
        return false;
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const accepted = outcomes.filter(Boolean).length;
    const onNetwork = await network.client.getTransactionCount({ address: a.address, blockTag: 'pending' });
    return { replicas: 2, transfers: TRANSFERS, refusedByNetwork: TRANSFERS - accepted, seconds: round(seconds), transfersPerSecond: round(accepted / seconds), acceptedByNetwork: onNetwork, note: 'each refused send is a nonce collision the network caught (nonce too low / already known)' };
  } finally {
    await served.close();
    await database.drop();
  }
}

async function verificationRate() {
  const account = mnemonicToAccount(generateMnemonic(english));
  const typed = {
    domain: { name: 'Mosaic', version: '1', chainId: 31337 },
    types: { Mail: [{ name: 'to', type: 'address' }, { name: 'contents', type: 'string' }] },
    primaryType: 'Mail' as const,
    message: { to: RECIPIENT, contents: 'Hello' },
  };
  const message = 'Sign in to Mosaic';
  const signature = await account.signMessage({ message });
  const typedSignature = await account.signTypedData(typed);
  const ctx = { chain: { network: { chainId: 31337 } } } as Parameters<typeof verifyTypedDataSignature>[0];
  const measure = async (runs: number, verify: () => Promise<{ valid: boolean }>) => {
    for (let i = 0; i < 50; i++) await verify();
    const started = performance.now();
    for (let i = 0; i < runs; i++) if (!(await verify()).valid) throw new Error('a valid signature failed to verify');
    return round(runs / ((performance.now() - started) / 1000));
  };
  return {
    eip191PerSecond: await measure(2000, () => verifyMessageSignature(account.address, message, signature)),
    eip712PerSecond: await measure(2000, () => verifyTypedDataSignature(ctx, account.address, typed, typedSignature)),
    note: 'the domain functions behind Query.verifyMessageSignature / verifyTypedDataSignature: input checks, secp256k1 public-key recovery (@noble/curves via viem), one thread',
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

await prepareTemplateDatabase();
const transfers: Record<string, unknown> = {
  setup: `${TRANSFERS} transfers of 1 wei from one HD wallet, ${CONCURRENCY} in flight, GraphQL sendTransfer over HTTP to the replicas in turn; development network in the same process; PostgreSQL on this machine; ${ROUNDS} rounds per mining mode`,
};
for (const mining of MINING_MODES) {
  env = { ...baseEnv, CHAIN_DEVNET_MINING: mining };
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const two = await throughReplicas(2);
    const one = await throughReplicas(1);
    const viem = await viemNonceManagers();
    rounds.push({ twoReplicas: two, oneReplica: one, viemPerProcessNonceManagers: viem });
    console.log(`mining ${mining}, round ${r + 1}: ${JSON.stringify(rounds.at(-1))}`);
  }
  transfers[`mining-${mining}`] = {
    twoReplicasPerSecondMedian: median(rounds.map((r) => r.twoReplicas.transfersPerSecond)),
    oneReplicaPerSecondMedian: median(rounds.map((r) => r.oneReplica.transfersPerSecond)),
    twoOverOne: Math.round(median(rounds.map((r) => r.twoReplicas.transfersPerSecond / r.oneReplica.transfersPerSecond)) * 100) / 100,
    collisionsTotal: rounds.reduce((n, r) => n + r.twoReplicas.collisions + r.oneReplica.collisions, 0),
    gapsTotal: rounds.reduce((n, r) => n + r.twoReplicas.gaps + r.oneReplica.gaps, 0),
    errorsTotal: rounds.reduce((n, r) => n + r.twoReplicas.errors + r.oneReplica.errors, 0),
    viemPerProcessRefusedMedian: median(rounds.map((r) => r.viemPerProcessNonceManagers.refusedByNetwork)),
    rounds,
  };
}
const signatures = await verificationRate();
const result = { transfers, signatures, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 10) / 10) };
console.log(JSON.stringify(result, (key, value) => (key === 'rounds' ? undefined : value), 2));
console.log(`saved ${saveResult('chain', result)}`);
process.exit(0);
