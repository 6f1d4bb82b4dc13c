import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelopeCipher, createKeyedHash, generateFieldKey, parseFieldKeys, uuidv7, type DeliveredEvent, type Viewer } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { testLogger } from '@mosaic/testing';
import { createLoaders } from '../src/data/loaders';
import { bankAccounts, payees, transfers } from '../src/data/tables';
import { forgetDeletedAccount } from '../src/domain/account-deleted';
import { accountNumberOf, holderNameOf, openAccount } from '../src/domain/accounts';
import { expireHolds } from '../src/domain/holds';
import { rotateBankingKeys } from '../src/domain/key-rotation';
import { addPayee } from '../src/domain/payees';
import { createTransfer, depositFunds } from '../src/domain/transfers';
import { startLedger, viewerFor } from './harness';

let ledger: Awaited<ReturnType<typeof startLedger>>;
beforeAll(async () => {
  // One transaction per transfer: the expiry test stamps holds with a moved clock of its own.
  ledger = await startLedger({ BANKING_STEP_UP_THRESHOLD: '50000', BANKING_HOLD_TTL_SECONDS: '60', BANKING_BATCH_MAX: '1' });
});
afterAll(() => ledger.close());

const withLoaders = (viewer: Viewer) => ({ ...ledger.as(viewer), loaders: createLoaders(ledger.db) });

async function customerWithAccount(funds = 100_000n) {
  const userId = uuidv7();
  const account = await openAccount(withLoaders(viewerFor(userId)), { kind: 'CHECKING', currency: 'EUR', name: 'main', holderName: 'Test Holder' });
  if (funds > 0n) await depositFunds(ledger.as(viewerFor(uuidv7(), { roles: ['admin'] })), { idempotencyKey: uuidv7(), accountId: account.id, amount: funds });
  return { userId, account, number: accountNumberOf(ledger.secrets, account) };
}

const balance = async (id: string) => (await ledger.db.select().from(bankAccounts).where(eq(bankAccounts.id, id)))[0]!;

describe('step-up for transfers and payees', () => {
  it("sending to someone else's number needs a recent second factor; a saved payee does not, up to the threshold", async () => {
    const alice = await customerWithAccount();
    const bob = await customerWithAccount(0n);
    const send = (viewer: Viewer, amount: bigint, to: { toAccountNumber?: string; toPayeeId?: string }) =>
      createTransfer(ledger.as(viewer), { idempotencyKey: uuidv7(), fromAccountId: alice.account.id, amount, ...to });
    await expect(send(viewerFor(alice.userId), 100n, { toAccountNumber: bob.number })).rejects.toMatchObject({ extensions: { code: 'STEP_UP_REQUIRED', maxAgeSeconds: 300 } });
    // A second factor proved too long ago is stale.
    const stale = { ...viewerFor(alice.userId, { steppedUp: true }), authTime: Math.floor(Date.now() / 1000) - 301 };
    await expect(send(stale, 100n, { toAccountNumber: bob.number })).rejects.toMatchObject({ extensions: { code: 'STEP_UP_REQUIRED' } });
    await expect(addPayee(withLoaders(viewerFor(alice.userId)), { name: 'Bob', accountNumber: bob.number })).rejects.toMatchObject({ extensions: { code: 'STEP_UP_REQUIRED' } });
    expect((await balance(alice.account.id)).balance).toBe(100_000n);

    expect((await send(viewerFor(alice.userId, { steppedUp: true }), 100n, { toAccountNumber: bob.number })).transfer.status).toBe('POSTED');
    const payee = await addPayee(withLoaders(viewerFor(alice.userId, { steppedUp: true })), { name: 'Bob the builder', accountNumber: bob.number });
    expect((await send(viewerFor(alice.userId), 200n, { toPayeeId: payee.id })).transfer.status).toBe('POSTED');
    expect((await send(viewerFor(alice.userId), 300n, { toAccountNumber: bob.number.replace(/(\d{4})/g, '$1 ').trim() })).transfer.status).toBe('POSTED');
    // Above the threshold even a payee needs it.
    await expect(send(viewerFor(alice.userId), 50_001n, { toPayeeId: payee.id })).rejects.toMatchObject({ extensions: { code: 'STEP_UP_REQUIRED' } });
    expect((await balance(bob.account.id)).balance).toBe(600n);
    // Payee names and numbers are sealed too.
    const [stored] = await ledger.db.select().from(payees).where(eq(payees.id, payee.id));
    expect(JSON.stringify(stored)).not.toContain(bob.number);
    expect(JSON.stringify(stored)).not.toContain('Bob the builder');
  });
});

describe('expiry of pending holds', () => {
  it('the job voids holds past their expiry, releasing the money, and leaves fresh ones', async () => {
    const alice = await customerWithAccount();
    const own = await openAccount(withLoaders(viewerFor(alice.userId)), { kind: 'SAVINGS', currency: 'EUR', name: 'savings', holderName: 'Test Holder' });
    const hold = (key: string, at: Date) => createTransfer({ ...ledger.as(viewerFor(alice.userId)), now: () => at }, { idempotencyKey: key, fromAccountId: alice.account.id, toAccountId: own.id, amount: 1_000n, hold: true });
    const old = await hold('old', new Date(Date.now() - 120_000));
    const fresh = await hold('fresh', new Date());
    expect((await balance(alice.account.id)).held).toBe(2_000n);
    expect(await expireHolds({ db: ledger.db, now: () => new Date(), events: ledger.events }, testLogger)).toBeGreaterThanOrEqual(1);
    const [voided] = await ledger.db.select().from(transfers).where(eq(transfers.id, old.transfer.id));
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: 'EXPIRED' });
    expect((await ledger.db.select().from(transfers).where(eq(transfers.id, fresh.transfer.id)))[0]!.status).toBe('PENDING');
    expect(await balance(alice.account.id)).toMatchObject({ balance: 100_000n, held: 1_000n });
    const events = await ledger.db.execute<{ type: string }>(sql`select type from banking.outbox where aggregate_id = ${old.transfer.id}`);
    expect((events as unknown as { type: string }[]).map((e) => e.type)).toEqual(['transfer.voided']);
  });
});

/** account.deleted as the consumer receives it from accounts. */
const deletedEvent = (userId: string): DeliveredEvent<typeof accountEvents, 'account.deleted'> => ({
  id: uuidv7(),
  type: 'account.deleted',
  version: 1,
  domain: 'accounts',
  aggregateId: userId,
  tenantId: null,
  occurredAt: new Date().toISOString(),
  traceparent: null,
  payload: { userId, deletedAt: new Date().toISOString() },
});

describe('a deleted Mosaic account', () => {
  it('closes empty accounts, freezes funded ones, erases the holder name and payees, keeps the ledger', async () => {
    const alice = await customerWithAccount();
    const empty = await openAccount(withLoaders(viewerFor(alice.userId)), { kind: 'SAVINGS', currency: 'EUR', name: 'empty', holderName: 'Test Holder' });
    const bob = await customerWithAccount(0n);
    await addPayee(withLoaders(viewerFor(alice.userId, { steppedUp: true })), { name: 'Bob', accountNumber: bob.number });
    await ledger.db.transaction((tx) =>
      forgetDeletedAccount(deletedEvent(alice.userId), { tx, log: testLogger }),
    );
    expect(await balance(alice.account.id)).toMatchObject({ status: 'FROZEN', holderSealed: null, balance: 100_000n });
    expect(await balance(empty.id)).toMatchObject({ status: 'CLOSED', holderSealed: null });
    expect(await ledger.db.select().from(payees).where(eq(payees.ownerId, alice.userId))).toEqual([]);
    expect(holderNameOf(ledger.secrets, await balance(alice.account.id))).toBeNull();
  });
});

describe('key rotation', () => {
  it('re-wraps every data key under the new key-encryption key and re-hashes numbers; lookups keep working', async () => {
    const alice = await customerWithAccount(0n);
    const before = await balance(alice.account.id);
    const oldKeys = ledger.settings.keyEncryptionKeys.json!;
    const next = JSON.stringify([generateFieldKey('kek-next'), ...JSON.parse(oldKeys)]);
    const nextLookup = JSON.stringify([generateFieldKey('lookup-next'), ...JSON.parse(ledger.settings.lookupKeys.json!)]);
    const secrets = { envelope: createEnvelopeCipher(parseFieldKeys(next, 'test')), lookup: createKeyedHash(parseFieldKeys(nextLookup, 'test')) };
    const first = await rotateBankingKeys(ledger.db, secrets);
    expect(first.accounts).toBeGreaterThanOrEqual(1);
    expect(await rotateBankingKeys(ledger.db, secrets)).toEqual({ accounts: 0, payees: 0 });
    const after = await balance(alice.account.id);
    expect(after.keyId).toBe('kek-next');
    expect(after.numberHash).toMatch(/^h1\.lookup-next\./);
    // The ciphertext is unchanged; only its data key was re-wrapped.
    expect(after.numberSealed.split('.')[3]).toBe(before.numberSealed.split('.')[3]);
    expect(accountNumberOf(secrets, after)).toBe(alice.number);
    // Without the old key-encryption key the rotated values still open.
    const onlyNew = { envelope: createEnvelopeCipher(parseFieldKeys(JSON.stringify([JSON.parse(next)[0]]), 'test')), lookup: secrets.lookup };
    expect(accountNumberOf(onlyNew, after)).toBe(alice.number);
  });
});
