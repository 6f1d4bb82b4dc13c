import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createWalletClient, defineChain, encodeErrorResult, http, parseAbi, parseEther } from 'viem';
import { transactions } from '../src/data/tables';
import { DEVNET_MNEMONIC } from '../src/env';
import { executionReverted, rejected } from '../src/providers/devnet/rpc-error';
import { startDevnet, type Devnet } from '../src/providers/devnet/start-devnet';
import { CREATE_WALLET, SEND, startChain, TX, type ChainApp } from './harness';
import { startJsonRpcServer } from './json-rpc-server';

/**
 * The RPC network kind (CHAIN_RPC_URL) against a local server speaking Ethereum JSON-RPC over
 * HTTP and WebSocket, with the development network behind it.
 */
let devnet: Devnet;
let server: Awaited<ReturnType<typeof startJsonRpcServer>>;
let app: ChainApp;
beforeAll(async () => {
  devnet = await startDevnet({ chainId: 31337, mining: { mode: 'manual' }, mnemonic: DEVNET_MNEMONIC, accountBalance: parseEther('1000') });
  server = await startJsonRpcServer(devnet.provider);
  app = await startChain({ CHAIN_RPC_URL: server.httpUrl, CHAIN_ID: '31337', CHAIN_NAME: 'Local node' });
});
afterAll(async () => {
  await app.close();
  await server.close();
  devnet.chain.close();
});

const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const rowCount = async () => (await app.database.db().select({ n: count() }).from(transactions))[0]!.n;

/** A wallet funded from outside (there is no faucet on a real network): a plain transfer from a development account. */
async function fundedWallet(target: ChainApp, token: string) {
  const wallet = (await target.call(CREATE_WALLET, { input: { label: 'rpc' } }, token)).data!.createWallet;
  expect(wallet.funding).toBeNull();
  const chain = defineChain({ id: 31337, name: 'local', nativeCurrency: { name: 'ETH', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [server.httpUrl] } } });
  const funder = createWalletClient({ chain, account: devnet.accounts[1]!, transport: http(server.httpUrl) });
  await funder.sendTransaction({ to: wallet.wallet.address, value: parseEther('1') });
  await devnet.chain.mine();
  return wallet.wallet as { id: string; address: string };
}

describe('a JSON-RPC endpoint as the network', () => {
  it('reports the endpoint, sends over HTTP and tracks to CONFIRMED', async () => {
    const network = await app.call(`{ chainNetwork { chainId name kind } }`);
    expect(network.data!.chainNetwork).toEqual({ chainId: 31337, name: 'Local node', kind: 'RPC' });
    const user = await app.auth.newUser();
    const wallet = await fundedWallet(app, user.token);
    const tx = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1000' } }, user.token)).data!.sendTransfer;
    expect(server.calls).toContain('eth_sendRawTransaction');
    await devnet.chain.mine();
    await devnet.chain.mine();
    await app.chain.tick();
    expect((await app.call(TX, { id: tx.id }, user.token)).data!.chainTransaction).toMatchObject({ status: 'CONFIRMED', confirmations: 2 });
  });

  it('works over WebSocket too', async () => {
    const overWs = await startChain({ CHAIN_RPC_URL: server.wsUrl, CHAIN_ID: '31337' });
    try {
      const user = await overWs.auth.newUser();
      const wallet = await fundedWallet(overWs, user.token);
      const balance = await overWs.call(`query($id: ID!) { wallet(id: $id) { balance } }`, { id: wallet.id }, user.token);
      expect(balance.data!.wallet.balance).toBe('1000000000000000000');
      const sent = await overWs.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token);
      expect(sent.data!.sendTransfer.status).toBe('PENDING');
      await devnet.chain.mine();
    } finally {
      await overWs.close();
    }
  });

  it('maps JSON-RPC error responses to clear errors and keeps nothing (the nonce is not consumed)', async () => {
    const user = await app.auth.newUser();
    const wallet = await fundedWallet(app, user.token);
    const before = await rowCount();
    server.overrides.set('eth_sendRawTransaction', () => {
      throw rejected('insufficient funds for gas * price + value: balance 0, tx cost 1');
    });
    const poor = await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token);
    expect(poor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_FUNDS' });
    server.overrides.delete('eth_sendRawTransaction');
    const revertData = encodeErrorResult({ abi: parseAbi(['error Error(string)']), errorName: 'Error', args: ['transfers paused'] });
    server.overrides.set('eth_estimateGas', () => {
      throw executionReverted(revertData, 'transfers paused');
    });
    const reverted = await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token);
    expect(reverted.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXECUTION_REVERTED', revertReason: 'transfers paused' });
    server.overrides.delete('eth_estimateGas');
    expect(await rowCount()).toBe(before);
    const next = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token)).data!.sendTransfer;
    expect(next.nonce).toBe('0');
    await devnet.chain.mine();
  });

  it('refuses to sign when the endpoint is another chain, and reports an unreachable endpoint as UNAVAILABLE', async () => {
    const user = await app.auth.newUser();
    const wallet = await fundedWallet(app, user.token);
    const sends = () => server.calls.filter((m) => m === 'eth_sendRawTransaction').length;
    const before = sends();
    server.overrides.set('eth_chainId', () => '0x1');
    const mismatch = await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token);
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'CHAIN_ID_MISMATCH' });
    server.overrides.delete('eth_chainId');
    server.setUnavailable(true);
    try {
      const down = await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token);
      expect(down.errors![0]!.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'NETWORK_UNAVAILABLE' });
      const balance = await app.call(`query($id: ID!) { wallet(id: $id) { label balance } }`, { id: wallet.id }, user.token);
      expect(balance.errors![0]!.extensions).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      server.setUnavailable(false);
    }
    expect(sends()).toBe(before);
  });

  it('rebroadcasts a pending transaction the node forgot, from its stored signed bytes', async () => {
    const user = await app.auth.newUser();
    const wallet = await fundedWallet(app, user.token);
    const tx = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '3' } }, user.token)).data!.sendTransfer;
    await devnet.provider.request({ method: 'anvil_dropTransaction', params: [tx.hash] });
    expect(await devnet.provider.request({ method: 'eth_getTransactionByHash', params: [tx.hash] })).toBeNull();
    await app.chain.tick();
    expect(await devnet.provider.request({ method: 'eth_getTransactionByHash', params: [tx.hash] })).not.toBeNull();
    await devnet.chain.mine();
    await app.chain.tick();
    expect((await app.call(TX, { id: tx.id }, user.token)).data!.chainTransaction.status).toBe('MINED');
  });

  it('moves past a nonce held by a pending transaction it has no record of (e.g. a crash after broadcasting)', async () => {
    const user = await app.auth.newUser();
    const phrase = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
    const created = (await app.call(CREATE_WALLET, { input: { label: 'lost', mnemonic: phrase } }, user.token)).data!.createWallet.wallet;
    const funder = devnet.accounts[2]!;
    const { mnemonicToAccount } = await import('viem/accounts');
    const key = mnemonicToAccount(phrase);
    const sign = (account: typeof funder, nonce: number, to: string, value: bigint) =>
      account.signTransaction({ chainId: 31337, type: 'eip1559', nonce, to: to as `0x${string}`, value, gas: 21000n, maxFeePerGas: 100_000_000_000n, maxPriorityFeePerGas: 10_000_000_000n });
    const fundingNonce = Number(await devnet.provider.request({ method: 'eth_getTransactionCount', params: [funder.address, 'pending'] }));
    await devnet.provider.request({ method: 'eth_sendRawTransaction', params: [await sign(funder, fundingNonce, key.address, parseEther('1'))] });
    await devnet.chain.mine();
    await devnet.provider.request({ method: 'eth_sendRawTransaction', params: [await sign(key, 0, RECIPIENT, 1n)] });
    const sent = await app.call(SEND, { input: { walletId: created.id, to: RECIPIENT, amount: '2' } }, user.token);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendTransfer.nonce).toBe('1');
    await devnet.chain.mine();
  });
});
