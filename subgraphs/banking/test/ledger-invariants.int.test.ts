import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@mosaic/kit';
import { createLoaders } from '../src/data/loaders';
import { bankAccounts, postings, transfers } from '../src/data/tables';
import { openAccount, setOverdraftLimit } from '../src/domain/accounts';
import { postTransfer, voidTransfer } from '../src/domain/holds';
import { LedgerConflictError } from '../src/domain/ledger-errors';
import { createTransfer, depositFunds } from '../src/domain/transfers';
import { startLedger, viewerFor } from './harness';

/**
 * The ledger's invariants under load, through the domain functions on real PostgreSQL: 2,000
 * random transfers among 100 accounts, 16 at a time, with retries, reused keys, holds, posts and
 * voids mixed in. Afterwards money is conserved, no account is beyond its limit, every retry
 * returned the first result, and replaying the postings gives every balance.
 * `LEDGER_TRANSFERS=10000` makes it a longer soak (about three minutes on two cores), off the
 * suite's clock.
 */
const ACCOUNTS = 100;
const OWNERS = 10;
const TRANSFERS = Number(process.env.LEDGER_TRANSFERS ?? 2_000);
const CONCURRENCY = 16;

/** Both ways the service runs a transfer: batched (the default) and one transaction each. */
describe.each([
  ['batched transactions', '200'],
  ['one transaction per transfer', '1'],
])('ledger invariants under concurrency, %s', (_name, batchMax) => {
let ledger: Awaited<ReturnType<typeof startLedger>>;
beforeAll(async () => {
  ledger = await startLedger({ BANKING_BATCH_MAX: batchMax }, CONCURRENCY + 2);
});
afterAll(() => ledger.close());

/** A deterministic generator, so a failure can be reproduced (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

  it(`${TRANSFERS} concurrent random transfers among ${ACCOUNTS} accounts keep every invariant`, { timeout: 600_000 }, async () => {
    const rand = random(20261201);
    const owners = Array.from({ length: OWNERS }, () => uuidv7());
    const admin = ledger.as(viewerFor(uuidv7(), { roles: ['user', 'admin'] }));
    const accounts: { id: string; owner: string }[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const owner = owners[i % OWNERS]!;
      const ctx = { ...ledger.as(viewerFor(owner)), loaders: createLoaders(ledger.db) };
      const row = await openAccount({ ...ctx, settings: { ...ledger.settings, maxAccountsPerUser: 1_000 } }, { kind: 'CHECKING', currency: 'EUR', name: `acct ${i}`, holderName: `Holder ${i}` });
      accounts.push({ id: row.id, owner });
    }
    let deposited = 0n;
    for (const [i, account] of accounts.entries()) {
      const amount = BigInt(10_000 + Math.floor(rand() * 90_000));
      deposited += amount;
      await depositFunds(admin, { idempotencyKey: `deposit-${i}`, accountId: account.id, amount, reference: null });
      if (i % 10 === 0) await setOverdraftLimit({ ...admin, loaders: createLoaders(ledger.db) }, account.id, 50_000n);
    }

    type Op = { kind: 'transfer' | 'retry' | 'reuse' | 'hold'; from: (typeof accounts)[number]; to: (typeof accounts)[number]; amount: bigint; key: string };
    const ops: Op[] = Array.from({ length: TRANSFERS }, (_, i) => {
      const from = accounts[Math.floor(rand() * ACCOUNTS)]!;
      let to = accounts[Math.floor(rand() * ACCOUNTS)]!;
      if (to.id === from.id) to = accounts[(accounts.indexOf(from) + 1) % ACCOUNTS]!;
      const roll = rand();
      return { kind: roll < 0.1 ? 'retry' : roll < 0.13 ? 'reuse' : roll < 0.2 ? 'hold' : 'transfer', from, to, amount: BigInt(1 + Math.floor(rand() * 40_000)), key: `op-${i}` };
    });

    const outcome = { posted: 0, refused: 0, retriesSame: 0, reusedRefused: 0, held: 0 };
    const unexpected: unknown[] = [];
    const refusal = (error: unknown) => {
      if (error instanceof LedgerConflictError && error.extensions.reason === 'INSUFFICIENT_FUNDS') return outcome.refused++;
      unexpected.push(error);
    };
    await inParallel(ops, CONCURRENCY, async (op) => {
      const ctx = ledger.as(viewerFor(op.from.owner, { steppedUp: true }));
      const input = { idempotencyKey: op.key, fromAccountId: op.from.id, toAccountId: op.from.owner === op.to.owner ? op.to.id : null, toAccountNumber: null as string | null, amount: op.amount, hold: op.kind === 'hold' };
      // Another owner's account is reached by number (sealed; read it as its owner would).
      if (op.from.owner !== op.to.owner) {
        const [row] = await ledger.db.select().from(bankAccounts).where(sql`${bankAccounts.id} = ${op.to.id}`);
        input.toAccountNumber = ledger.secrets.envelope.open(row!.numberSealed, `bank_accounts:${op.to.id}:number`).toString();
      }
      try {
        if (op.kind === 'retry') {
          // The same request twice at once (a client retrying on a timeout): one transfer, one result.
          const [a, b] = await Promise.all([createTransfer(ctx, input), createTransfer(ctx, input)]);
          expect(a.transfer.id).toBe(b.transfer.id);
          expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
          const again = await createTransfer(ctx, input);
          expect(again).toMatchObject({ replayed: true, transfer: { id: a.transfer.id, status: 'POSTED' } });
          outcome.retriesSame++;
          outcome.posted++;
        } else if (op.kind === 'reuse') {
          await createTransfer(ctx, input);
          outcome.posted++;
          await expect(createTransfer(ctx, { ...input, amount: op.amount + 1n })).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' } });
          outcome.reusedRefused++;
        } else if (op.kind === 'hold') {
          const { transfer } = await createTransfer(ctx, input);
          outcome.held++;
          if (rand() < 0.5) await postTransfer(ctx, transfer.id);
          else await voidTransfer(ctx, transfer.id);
        } else {
          await createTransfer(ctx, input);
          outcome.posted++;
        }
      } catch (error) {
        refusal(error);
      }
    });
    expect(unexpected).toEqual([]);
    expect(outcome.posted).toBeGreaterThan(TRANSFERS / 4);
    expect(outcome.refused).toBeGreaterThan(0);
    expect(outcome.retriesSame).toBeGreaterThan(TRANSFERS / 100);

    const rows = await ledger.db.select().from(bankAccounts);
    const customers = rows.filter((row) => row.ownerId !== null);
    // Money is conserved: customers hold what was paid in, and every currency's balances sum to zero.
    expect(customers.reduce((sum, row) => sum + row.balance, 0n)).toBe(deposited);
    expect(rows.reduce((sum, row) => sum + row.balance, 0n)).toBe(0n);
    // Nobody is beyond their limit, and nothing is left held (every hold was posted or voided).
    for (const row of customers) {
      expect(row.balance - row.held).toBeGreaterThanOrEqual(-row.overdraftLimit);
      expect(row.held).toBe(0n);
    }
    // Replaying the posted history gives every balance, posting by posting.
    const history = await ledger.db.select().from(postings).orderBy(postings.accountId, postings.seq);
    const replayed = new Map<string, { balance: bigint; count: number }>();
    for (const posting of history) {
      const state = replayed.get(posting.accountId) ?? { balance: 0n, count: 0 };
      expect(posting.seq).toBe(state.count);
      state.balance += posting.amount;
      state.count += 1;
      expect(posting.balanceAfter).toBe(state.balance);
      replayed.set(posting.accountId, state);
    }
    for (const row of rows) {
      expect(replayed.get(row.id)?.balance ?? 0n).toBe(row.balance);
      expect(replayed.get(row.id)?.count ?? 0).toBe(row.postingCount);
    }
    // Every posted transfer is balanced, every other has no postings; one transfer per idempotency key.
    const perTransfer = await ledger.db.execute<{ status: string; n: number; total: string }>(
      sql`select t.status, count(p.id)::int as n, coalesce(sum(p.amount), 0)::text as total from ${transfers} t left join ${postings} p on p.transfer_id = t.id group by t.id, t.status`,
    );
    for (const row of perTransfer as unknown as { status: string; n: number; total: string }[]) {
      expect(row.total).toBe('0');
      expect(row.n).toBe(row.status === 'POSTED' ? 2 : 0);
    }
  });
});
