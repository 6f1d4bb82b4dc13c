import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { nonces, transactions } from '../src/data/tables';
import { CREATE_WALLET, SEND, startChain, type ChainApp } from './harness';

/** Two built subgraph instances ("replicas") on one PostgreSQL database and one network. */
let first: ChainApp;
let second: ChainApp;
beforeAll(async () => {
  first = await startChain();
  second = await startChain({}, first.shared, first.auth);
});
afterAll(async () => {
  await second.close();
  await first.close();
});

describe('nonce manager on PostgreSQL', () => {
  it('concurrent sends from one account through two replicas use every nonce exactly once; a refused send leaves no gap', async () => {
    const user = await first.auth.newUser();
    const wallet = (await first.call(CREATE_WALLET, { input: { label: 'busy' } }, user.token)).data!.createWallet.wallet;
    const send = (app: ChainApp, amount: string) => app.call(SEND, { input: { walletId: wallet.id, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount } }, user.token);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i === 11 ? send(first, '100000000000000000000') : send(i % 2 ? first : second, String(i + 1)))),
    );
    const refused = results.filter((r) => r.errors);
    expect(refused.map((r) => r.errors![0]!.extensions!.reason)).toEqual(['INSUFFICIENT_FUNDS']);
    const sent = results.filter((r) => !r.errors).map((r) => BigInt(r.data!.sendTransfer.nonce));
    expect(sent.sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 23 }, (_, i) => BigInt(i)));
    const rows = await first.database.db().select({ nonce: transactions.nonce }).from(transactions).where(eq(transactions.fromAddress, wallet.address.toLowerCase())).orderBy(asc(transactions.nonce));
    expect(rows.map((r) => r.nonce)).toEqual(sent);
    const [row] = await first.database.db().select().from(nonces).where(and(eq(nonces.address, wallet.address.toLowerCase())));
    expect(row!.nextNonce).toBe(23n);
    // The network agrees: every one of them was accepted and mined, in order.
    expect(await first.chain.network.client.getTransactionCount({ address: wallet.address })).toBe(23);
  });

  it('moves past a nonce the network already used (a send from outside Mosaic with the same key)', async () => {
    const user = await first.auth.newUser();
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    await first.call(CREATE_WALLET, { input: { label: 'shared key', mnemonic: phrase } }, user.token);
    const wallet = (await first.call(`{ _entities(representations: [{ __typename: "User", id: "${user.publicId}" }]) { ... on User { wallets { edges { node { id address } } } } } }`, {}, user.token)).data!._entities[0].wallets.edges[0].node;
    await first.call(SEND, { input: { walletId: wallet.id, to: wallet.address, amount: '1' } }, user.token);
    // Another program with the same phrase sends directly to the network.
    const { mnemonicToAccount } = await import('viem/accounts');
    const outside = mnemonicToAccount(phrase);
    const { client, chainId } = first.chain.network;
    const nonce = await client.getTransactionCount({ address: outside.address, blockTag: 'pending' });
    const fees = await client.estimateFeesPerGas();
    await client.sendRawTransaction({ serializedTransaction: await outside.signTransaction({ chainId, nonce, to: outside.address, value: 0n, gas: 21000n, ...fees, type: 'eip1559' }) });
    const next = await second.call(SEND, { input: { walletId: wallet.id, to: wallet.address, amount: '1' } }, user.token);
    expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
    expect(next.data!.sendTransfer.nonce).toBe(String(nonce + 1));
  });
});
