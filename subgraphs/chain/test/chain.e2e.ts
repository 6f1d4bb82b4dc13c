import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/**
 * The "done when", through the gateway only: a user creates a wallet (funded on the
 * development network), signs and verifies a message, sends a transfer and watches it confirm on
 * the subscription, deploys the example ERC-20, mints and transfers tokens and sees the events.
 */
process.env.CHAIN_DEVNET_MINING = '150';
process.env.CHAIN_POLL_INTERVAL_MS = '100';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const wsUrl = () => graph.gatewayUrl.replace('http', 'ws');
const untilSubscribed = async (count: number) => {
  await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(count);
  await new Promise((resolve) => setTimeout(resolve, 300));
};
const ok = <T extends { errors?: unknown; data?: unknown }>(result: T) => {
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
};

describe('chain through the gateway', () => {
  it('wallet, signature, a transfer confirmed live, an ERC-20 deployed, minted and transferred with its events live', async () => {
    const { token } = await graph.signUp('chain-e2e@example.com');
    const created = ok(await graph.call(`mutation { createWallet(input: { label: "Main" }) { mnemonic wallet { id address } funding { id } } }`, {}, token)).createWallet;
    const wallet = created.wallet as { id: string; address: string };
    expect(created.mnemonic.split(' ')).toHaveLength(12);
    await expect.poll(async () => ok(await graph.call(`{ me { wallets { edges { node { balance owner { displayName } } } } } }`, {}, token)).me.wallets.edges[0].node.balance, { timeout: 10_000 }).toBe('10000000000000000000');

    const signed = ok(await graph.call(`mutation($id: ID!) { signMessage(walletId: $id, message: "gm") { signature } }`, { id: wallet.id }, token)).signMessage;
    const verified = ok(await graph.call(`query($a: String!, $s: String!) { verifyMessageSignature(address: $a, message: "gm", signature: $s) { valid } }`, { a: wallet.address, s: signed.signature }));
    expect(verified.verifyMessageSignature.valid).toBe(true);

    const client = wsClient(wsUrl(), token);
    const updates = collect(client, `subscription($id: ID) { transactionUpdated(walletId: $id) { id kind status confirmations wallet { label } } }`, { id: wallet.id });
    await untilSubscribed(1);
    const sent = ok(await graph.call(`mutation($input: TransferInput!) { sendTransfer(input: $input) { id } }`, { input: { walletId: wallet.id, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '1000000000000000' } }, token)).sendTransfer;
    await expect.poll(() => updates.results.some((r) => r.data?.transactionUpdated.id === sent.id && r.data?.transactionUpdated.status === 'CONFIRMED'), { timeout: 15_000 }).toBe(true);
    const ofTransfer = updates.results.filter((r) => r.data?.transactionUpdated.id === sent.id).map((r) => r.data!.transactionUpdated);
    // MINED is skipped when both blocks land between two tracking rounds.
    expect(['PENDING,MINED,CONFIRMED', 'PENDING,CONFIRMED']).toContain(ofTransfer.map((update) => update.status).join());
    expect(ofTransfer[0]).toMatchObject({ kind: 'TRANSFER', wallet: { label: 'Main' } });

    const deployed = ok(await graph.call(`mutation($input: DeployContractInput!) { deployContract(input: $input) { id address deployment { id } } }`, { input: { walletId: wallet.id, example: 'ERC20', args: ['Demo', 'DEMO', '0'] } }, token)).deployContract;
    await expect.poll(() => updates.results.some((r) => r.data?.transactionUpdated.id === deployed.deployment.id && r.data?.transactionUpdated.status !== 'PENDING'), { timeout: 15_000 }).toBe(true);
    const events = collect(client, `subscription($id: ID!) { contractEvents(contractId: $id, eventName: "Transfer") { eventName args blockNumber } }`, { id: deployed.id });
    await untilSubscribed(2);
    ok(await graph.call(`mutation($input: ContractWriteInput!) { writeContract(input: $input) { id } }`, { input: { walletId: wallet.id, contractId: deployed.id, functionName: 'mint', args: [wallet.address, '1000'] } }, token));
    await expect.poll(() => events.results.length, { timeout: 15_000 }).toBe(1);
    ok(await graph.call(`mutation($input: TransferInput!) { sendTransfer(input: $input) { id } }`, { input: { walletId: wallet.id, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '400', token: deployed.address } }, token));
    const [mint, transfer] = await events.waitFor(2, 15_000);
    expect(mint!.data!.contractEvents.args).toEqual({ from: '0x0000000000000000000000000000000000000000', to: wallet.address, value: '1000' });
    expect(transfer!.data!.contractEvents.args).toEqual({ from: wallet.address, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '400' });
    const balance = ok(await graph.call(`query($id: ID!, $t: String!) { wallet(id: $id) { tokenBalance(token: $t) { balance symbol } } }`, { id: wallet.id, t: deployed.address }, token));
    expect(balance.wallet.tokenBalance).toEqual({ balance: '600', symbol: 'DEMO' });
    updates.stop();
    events.stop();
    await client.dispose();
  });
});
