import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole, totpCodeAt } from '@mosaic/accounts';
import { decodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { bankAccounts } from '../src/data/tables';
import { DEPOSIT, OPEN, STATEMENT, TRANSFER } from './operations';

/**
 * Through the gateway, as a client: a user with TOTP moves money between their accounts, is asked
 * for a second factor to pay someone else, steps up with a real code and pays; the receiver sees
 * it live on `transferReceived`; the statement shows it all.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const password = 'velvet-otter-lantern';
const RECEIVED = `subscription { transferReceived { transfer { amount reference from { maskedNumber holderName } } account { name balance } } }`;
const STEP_UP = `mutation($code: String!) { stepUp(code: $code) { accessToken } }`;

async function signInAs(email: string, role?: string) {
  await graph.signUp(email, password);
  if (role) await grantRole(graph.database.db(), email, role);
  const login = await graph.call(`mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }`, { email, password });
  return login.data!.login.accessToken as string;
}

async function open(token: string, name: string, holderName: string) {
  const opened = await graph.call(OPEN, { input: { kind: 'CHECKING', currency: 'EUR', name, holderName } }, token);
  expect(opened.errors).toBeUndefined();
  return opened.data!.openBankAccount as { id: string; accountNumber: string };
}

describe('banking through the gateway', () => {
  it('own transfers, a TOTP step-up to pay someone else, the live notification and the statement', async () => {
    const start = new Date();
    const admin = await signInAs('banking-admin@example.com', 'admin');
    const token = await signInAs('banking-payer@example.com');
    const receiver = await signInAs('banking-payee@example.com');

    // Two-factor on, with a real TOTP secret; codes as an authenticator app would show them.
    const { secret } = (await graph.call(`mutation { beginTotpEnrollment { secret } }`, {}, token)).data!.beginTotpEnrollment as { secret: string };
    const t0 = Date.now();
    const confirmed = await graph.call(`mutation($code: String!) { confirmTotpEnrollment(code: $code) { accessToken } }`, { code: totpCodeAt(secret, new Date(t0)) }, token);
    expect(confirmed.errors).toBeUndefined();
    // The session's token from signing in with the password alone (no second factor proved) stays in use.

    const everyday = await open(token, 'Everyday', 'Pat Payer');
    const savings = await open(token, 'Savings', 'Pat Payer');
    const theirs = await open(receiver, 'Main', 'Robin Receiver');
    expect((await graph.call(DEPOSIT, { input: { idempotencyKey: 'e2e-deposit', accountId: everyday.id, amount: '300000' } }, admin)).errors).toBeUndefined();
    const own = await graph.call(TRANSFER, { input: { idempotencyKey: 'e2e-own', fromAccountId: everyday.id, toAccountId: savings.id, amount: '50000', reference: 'To savings' } }, token);
    expect(own.errors).toBeUndefined();

    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), receiver);
    const received = collect(client, RECEIVED);
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(1);

    const pay = { idempotencyKey: 'e2e-pay', fromAccountId: everyday.id, toAccountNumber: theirs.accountNumber, amount: '12345', reference: 'Dinner' };
    const refused = await graph.call(TRANSFER, { input: pay }, token);
    expect(errorCodes(refused)).toEqual(['STEP_UP_REQUIRED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ maxAgeSeconds: 300 });

    // The next step's code (accepted within the drift window; the enrolment's code is spent).
    const stepped = await graph.call(STEP_UP, { code: totpCodeAt(secret, new Date(t0 + 30_000)) }, token);
    expect(stepped.errors).toBeUndefined();
    const fresh = stepped.data!.stepUp.accessToken as string;
    const paid = await graph.call(TRANSFER, { input: pay }, fresh);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.createTransfer).toMatchObject({ status: 'POSTED', amount: '12345', to: { maskedNumber: `•••• ${theirs.accountNumber.slice(-4)}`, holderName: 'Robin Receiver' } });
    // A retry of the same request (same key) returns the same transfer and pays nothing more.
    expect((await graph.call(TRANSFER, { input: pay }, fresh)).data!.createTransfer.id).toBe(paid.data!.createTransfer.id);

    const [event] = await received.waitFor(1, 10_000);
    expect(event!.data).toEqual({
      transferReceived: { transfer: { amount: '12345', reference: 'Dinner', from: { maskedNumber: `•••• ${everyday.accountNumber.slice(-4)}`, holderName: 'Pat Payer' } }, account: { name: 'Main', balance: '12345' } },
    });
    received.stop();
    await client.dispose();

    const statement = await graph.call(STATEMENT, { id: everyday.id, from: start.toISOString(), to: new Date(Date.now() + 1000).toISOString() }, fresh);
    expect(statement.data!.bankAccount.statement).toEqual({
      currency: 'EUR',
      openingBalance: '0',
      closingBalance: '237655',
      totalDebits: '62345',
      totalCredits: '300000',
      postings: [
        { amount: '300000', balanceAfter: '300000' },
        { amount: '-50000', balanceAfter: '250000' },
        { amount: '-12345', balanceAfter: '237655' },
      ],
    });
  });

  it("closes a deleted user's empty accounts and erases their name (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('banking-leaving@example.com', password);
    await open(token, 'Soon gone', 'Lee Leaving');
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "${password}" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const state = async () => (await graph.database.db().select().from(bankAccounts).where(eq(bankAccounts.ownerId, decodeId('User', userId))))[0];
    await expect.poll(async () => (await state())?.status, { timeout: 10_000 }).toBe('CLOSED');
    expect((await state())!.holderSealed).toBeNull();
  });
});
