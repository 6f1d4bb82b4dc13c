import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { errorCodes } from '@mosaic/testing';
import { nonces, transactions } from '../src/data/tables';
import { CREATE_WALLET, SEND, startChain, TX, type ChainApp } from './harness';

/** Manual mining: a transaction stays PENDING until the test mines a block, so replacement and confirmation are deterministic. */
let app: ChainApp;
beforeAll(async () => {
  app = await startChain({ CHAIN_DEVNET_MINING: 'manual' });
});
afterAll(() => app.close());

const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const rowCount = async () => (await app.database.db().select({ n: count() }).from(transactions))[0]!.n;

async function walletFor(token: string) {
  const created = await app.call(CREATE_WALLET, { input: { label: 'sender' } }, token);
  await app.mineAndTrack();
  return created.data!.createWallet.wallet as { id: string; address: string };
}

describe('transfers', () => {
  it('estimates, sends and tracks a transfer PENDING → MINED → CONFIRMED(2), with the wallet history', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const ESTIMATE = `query($input: TransferInput!) { estimateTransfer(input: $input) { gasLimit maxFeePerGas maxPriorityFeePerGas maxCost } }`;
    const estimate = (await app.call(ESTIMATE, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1000000000000000000' } }, user.token)).data!.estimateTransfer;
    expect(estimate.gasLimit).toBe('21000');
    expect(BigInt(estimate.maxCost)).toBe(21000n * BigInt(estimate.maxFeePerGas) + 10n ** 18n);
    const sent = await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1000000000000000000' } }, user.token);
    expect(sent.errors).toBeUndefined();
    const tx = sent.data!.sendTransfer;
    expect(tx).toMatchObject({ status: 'PENDING', nonce: '0', value: '1000000000000000000', from: wallet.address, to: RECIPIENT, kind: 'TRANSFER' });
    await app.mineAndTrack();
    expect((await app.call(TX, { id: tx.id }, user.token)).data!.chainTransaction).toMatchObject({ status: 'MINED', confirmations: 1, gasUsed: '21000' });
    await app.mineAndTrack();
    expect((await app.call(TX, { id: tx.id }, user.token)).data!.chainTransaction).toMatchObject({ status: 'CONFIRMED', confirmations: 2 });
    const history = await app.call(`query($id: ID!) { wallet(id: $id) { balance transactions { edges { node { kind status } } } } }`, { id: wallet.id }, user.token);
    expect(history.data!.wallet.transactions.edges.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['TRANSFER', 'FUNDING']);
    expect(BigInt(history.data!.wallet.balance)).toBeLessThan(9n * 10n ** 18n);
    const stranger = await app.auth.newUser();
    expect((await app.call(TX, { id: tx.id }, stranger.token)).data!.chainTransaction).toBeNull();
  });

  it('refuses bad transfers with a field and a reason, signing and sending nothing', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const before = await rowCount();
    const refuse = async (input: Record<string, unknown>) => (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1', ...input } }, user.token)).errors![0]!.extensions;
    expect(await refuse({ amount: '1000000000000000000000' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_FUNDS', field: 'input.amount' });
    expect(await refuse({ to: RECIPIENT.replace('C8', 'c8') })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ADDRESS', field: 'input.to' });
    expect(await refuse({ gasLimit: '20999' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GAS_LIMIT_OUT_OF_RANGE', field: 'input.gasLimit' });
    expect(await refuse({ gasLimit: '40000000' })).toMatchObject({ reason: 'GAS_LIMIT_OUT_OF_RANGE' });
    expect(await refuse({ chainId: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHAIN_ID_MISMATCH', field: 'input.chainId' });
    expect(await refuse({ amount: '0' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await refuse({ maxFeePerGas: '1', maxPriorityFeePerGas: '2' })).toMatchObject({ reason: 'FEE_TOO_LOW' });
    expect(await refuse({ token: RECIPIENT })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect(errorCodes(await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '-1' } }, user.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: 1.5 } }, user.token))).toEqual(['BAD_USER_INPUT']);
    const stranger = await app.auth.newUser();
    expect((await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, stranger.token)).errors![0]!.extensions).toMatchObject({ field: 'input.walletId' });
    expect(await rowCount()).toBe(before);
    const [nonce] = await app.database.db().select().from(nonces).where(eq(nonces.address, wallet.address.toLowerCase()));
    expect(nonce?.nextNonce ?? 0n).toBe(0n);
  });

  it('speeds up a pending transaction: the replacement is mined, the original becomes REPLACED', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const original = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '5' } }, user.token)).data!.sendTransfer;
    const SPEED_UP = `mutation($input: SpeedUpInput!) { speedUpTransaction(input: $input) { id nonce status value } }`;
    expect((await app.call(SPEED_UP, { input: { transactionId: original.id, feeBumpPercent: 5 } }, user.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.feeBumpPercent' });
    const faster = (await app.call(SPEED_UP, { input: { transactionId: original.id } }, user.token)).data!.speedUpTransaction;
    expect(faster).toMatchObject({ nonce: original.nonce, status: 'PENDING', value: '5' });
    await app.mineAndTrack();
    const replaced = (await app.call(TX, { id: original.id }, user.token)).data!.chainTransaction;
    expect(replaced).toMatchObject({ status: 'REPLACED', replacedBy: { id: faster.id, status: 'MINED' } });
    expect((await app.call(SPEED_UP, { input: { transactionId: faster.id } }, user.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PENDING' });
  });

  it('cancels a pending transaction with a 0-value self-transfer at the same nonce', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const original = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '7' } }, user.token)).data!.sendTransfer;
    const cancel = (await app.call(`mutation($id: ID!) { cancelTransaction(transactionId: $id) { id kind to value nonce } }`, { id: original.id }, user.token)).data!.cancelTransaction;
    expect(cancel).toMatchObject({ kind: 'CANCELLATION', to: wallet.address, value: '0', nonce: original.nonce });
    await app.mineAndTrack();
    expect((await app.call(TX, { id: original.id }, user.token)).data!.chainTransaction).toMatchObject({ status: 'REPLACED', replacedBy: { id: cancel.id } });
    const next = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token)).data!.sendTransfer;
    expect(next.nonce).toBe(String(BigInt(original.nonce) + 1n));
  });

  it('tracking survives a restart: a replica started later on the same database finishes the job', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const tx = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '9' } }, user.token)).data!.sendTransfer;
    const later = await startChain({ CHAIN_DEVNET_MINING: 'manual' }, app.shared, app.auth);
    try {
      await app.chain.network.mine!();
      await app.chain.network.mine!();
      await later.chain.tick();
      expect((await later.call(TX, { id: tx.id }, user.token)).data!.chainTransaction).toMatchObject({ status: 'CONFIRMED', confirmations: 2 });
    } finally {
      await later.close();
    }
  });

  it('after the development network restarts (a new, empty chain), open transactions fail, wallets are topped up, nonces restart', async () => {
    const user = await app.auth.newUser();
    const wallet = await walletFor(user.token);
    const stuck = (await app.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '11' } }, user.token)).data!.sendTransfer;
    const restarted = await startChain({ CHAIN_DEVNET_MINING: 'manual' }, { database: app.database, keysDir: app.shared.keysDir }, app.auth);
    try {
      const settled = (await restarted.call(TX, { id: stuck.id }, user.token)).data!.chainTransaction;
      expect(settled).toMatchObject({ status: 'FAILED', revertReason: expect.stringMatching(/development network restarted/) });
      await restarted.mineAndTrack();
      const topped = await restarted.call(`query($id: ID!) { wallet(id: $id) { balance } }`, { id: wallet.id }, user.token);
      expect(topped.data!.wallet.balance).toBe('10000000000000000000');
      const next = (await restarted.call(SEND, { input: { walletId: wallet.id, to: RECIPIENT, amount: '1' } }, user.token)).data!.sendTransfer;
      expect(next.nonce).toBe('0');
    } finally {
      await restarted.close();
    }
  });
});
