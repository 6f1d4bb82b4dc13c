import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { ACCOUNT, ACCOUNTS_OF, CLOSE, DEPOSIT, EXCHANGE, FREEZE, HISTORY, OPEN, POST, SEARCH, SET_LIMIT, STATEMENT, TRANSFER, UNFREEZE, VOID } from './operations';
import { startBanking } from './harness';

let app: Awaited<ReturnType<typeof startBanking>>;
let admin: { token: string };
beforeAll(async () => {
  app = await startBanking({ BANKING_MAX_ACCOUNTS_PER_USER: '4', BANKING_STEP_UP_THRESHOLD: '1000000' });
  admin = await app.auth.newUser(['user', 'admin']);
});
afterAll(() => app.close());

const userRep = (publicId: string) => ({ __typename: 'User', id: publicId });
let keys = 0;
const key = () => `key-${++keys}-${uuidv7()}`;

type Account = { id: string; accountNumber: string };

async function customer(currencies: string[] = ['EUR', 'EUR'], funds = '100000') {
  const user = await app.auth.newUser();
  const accounts: Account[] = [];
  for (const [i, currency] of currencies.entries()) {
    const opened = await app.call(OPEN, { input: { kind: i === 0 ? 'CHECKING' : 'SAVINGS', currency, name: `acct ${i}`, holderName: 'Ada Lovelace' } }, user.token);
    expect(opened.errors).toBeUndefined();
    accounts.push(opened.data!.openBankAccount);
    if (funds !== '0') expect((await app.call(DEPOSIT, { input: { idempotencyKey: key(), accountId: opened.data!.openBankAccount.id, amount: funds } }, admin.token)).errors).toBeUndefined();
  }
  // Callers ask for as many as they opened.
  return { ...user, accounts: accounts as [Account, Account] };
}

const balanceOf = async (id: string, token: string) => (await app.call(ACCOUNT, { id }, token)).data!.bankAccount as { balance: string; held: string; available: string };

describe('accounts and transfers', () => {
  it('opens accounts with a formatted number, pays in, moves money between own accounts with a running balance', async () => {
    const ada = await customer();
    const [checking, savings] = ada.accounts;
    expect(checking.accountNumber).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const moved = await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount: '2500', reference: 'Rent pot' } }, ada.token);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.createTransfer).toMatchObject({ status: 'POSTED', amount: '2500', currency: 'EUR', reference: 'Rent pot', fromAccount: { balance: '97500' }, from: { maskedNumber: `•••• ${checking.accountNumber.slice(-4)}`, holderName: 'Ada Lovelace', bank: false } });
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '97500', available: '97500' });
    expect(await balanceOf(savings.id, ada.token)).toMatchObject({ balance: '102500' });
    const history = (await app.call(HISTORY, { id: checking.id, first: 1 }, ada.token)).data!.bankAccount.postings;
    expect(history.edges).toEqual([{ node: { amount: '-2500', direction: 'DEBIT', balanceAfter: '97500', counterparty: { maskedNumber: `•••• ${savings.accountNumber.slice(-4)}`, bank: false }, transfer: { reference: 'Rent pot' } } }]);
    const older = (await app.call(HISTORY, { id: checking.id, first: 5, after: history.pageInfo.endCursor }, ada.token)).data!.bankAccount.postings;
    expect(older.edges).toEqual([{ node: { amount: '100000', direction: 'CREDIT', balanceAfter: '100000', counterparty: { maskedNumber: expect.stringMatching(/^•••• \d{4}$/), bank: true }, transfer: { reference: 'Deposit' } } }]);
    expect(older.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses bad input with a code and a reason, and leaves balances untouched', async () => {
    const ada = await customer();
    const bob = await customer(['EUR'], '0');
    const [checking, savings] = ada.accounts;
    const usd = await app.call(OPEN, { input: { kind: 'CHECKING', currency: 'USD', name: 'dollars', holderName: 'Ada' } }, ada.token);
    const send = (input: Record<string, unknown>, token = ada.token) => app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount: '100', ...input } }, token);
    const failure = async (input: Record<string, unknown>, token?: string) => (await send(input, token)).errors![0]!.extensions;
    expect(await failure({ amount: '0' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await failure({ amount: '-5' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await failure({ amount: '1.5' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await failure({ toAccountId: checking.id })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SAME_ACCOUNT' });
    expect(await failure({ toAccountId: usd.data!.openBankAccount.id })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURRENCY_MISMATCH' });
    expect(await failure({ amount: '100001' })).toMatchObject({ code: 'CONFLICT', reason: 'INSUFFICIENT_FUNDS', available: '100000' });
    expect(await failure({ toAccountId: encodeId('BankAccount', uuidv7()) })).toMatchObject({ code: 'NOT_FOUND', field: 'input.toAccountId' });
    expect(await failure({ toAccountId: null, toAccountNumber: '1234 5678 9012 3456' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toAccountNumber' });
    expect(await failure({ toAccountId: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toAccountId' });
    // Another user's account as the source looks like a missing one.
    expect(await failure({ fromAccountId: bob.accounts[0]!.id, toAccountId: checking.id })).toMatchObject({ code: 'NOT_FOUND', field: 'input.fromAccountId' });
    expect(await failure({ idempotencyKey: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(errorCodes(await send({}, bob.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount: '1' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '100000', held: '0' });
    expect(await balanceOf(savings.id, ada.token)).toMatchObject({ balance: '100000' });
  });

  it('a retry with the same key and body returns the first transfer; another body with that key is refused', async () => {
    const ada = await customer();
    const [checking, savings] = ada.accounts;
    const input = { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount: '700', reference: 'once' };
    const [first, second] = await Promise.all([app.call(TRANSFER, { input }, ada.token), app.call(TRANSFER, { input }, ada.token)]);
    expect(second.data!.createTransfer.id).toBe(first.data!.createTransfer.id);
    const reused = await app.call(TRANSFER, { input: { ...input, amount: '701' } }, ada.token);
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '99300' });
  });

  it('holds, posts and voids: pending money is held, posting moves it, voiding releases it, twice is refused', async () => {
    const ada = await customer();
    const [checking, savings] = ada.accounts;
    const hold = async (amount: string) => (await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount, hold: true } }, ada.token)).data!.createTransfer;
    const first = await hold('30000');
    expect(first).toMatchObject({ status: 'PENDING', expiresAt: expect.any(String) });
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '100000', held: '30000', available: '70000' });
    // The hold counts against what can be spent.
    expect((await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount: '70001' } }, ada.token)).errors![0]!.extensions).toMatchObject({ reason: 'INSUFFICIENT_FUNDS' });
    expect((await app.call(POST, { id: first.id }, ada.token)).data!.postTransfer).toMatchObject({ status: 'POSTED', postedAt: expect.any(String) });
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '70000', held: '0' });
    expect((await app.call(VOID, { id: first.id }, ada.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PENDING' });
    const second = await hold('5000');
    expect((await app.call(VOID, { id: second.id }, ada.token)).data!.voidTransfer).toEqual({ id: second.id, status: 'VOIDED', voidReason: 'VOIDED_BY_USER' });
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '70000', held: '0' });
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(POST, { id: second.id }, stranger.token))).toEqual(['NOT_FOUND']);
  });

  it('overdrafts only up to the limit the bank sets; frozen and closed accounts move nothing', async () => {
    const ada = await customer(['EUR', 'EUR'], '1000');
    const [checking, savings] = ada.accounts;
    const send = (amount: string) => app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount } }, ada.token);
    expect(errorCodes(await app.call(SET_LIMIT, { id: checking.id, limit: '500' }, ada.token))).toEqual(['FORBIDDEN']);
    expect((await app.call(SET_LIMIT, { id: checking.id, limit: '500' }, admin.token)).data!.setOverdraftLimit).toMatchObject({ overdraftLimit: '500', available: '1500' });
    expect((await send('1501')).errors![0]!.extensions).toMatchObject({ reason: 'INSUFFICIENT_FUNDS' });
    expect((await send('1500')).errors).toBeUndefined();
    expect(await balanceOf(checking.id, ada.token)).toMatchObject({ balance: '-500', available: '0' });
    expect((await app.call(FREEZE, { id: savings.id, reason: 'suspected fraud' }, admin.token)).data!.freezeBankAccount.status).toBe('FROZEN');
    const frozen = await app.database.db().execute<{ type: string; payload: { reason: string } }>(sql`select type, payload from banking.outbox where aggregate_id = ${decodeId('BankAccount', savings.id)}`);
    expect(frozen as unknown as { type: string; payload: { reason: string } }[]).toMatchObject([{ type: 'account.frozen', payload: { reason: 'suspected fraud' } }]);
    expect((await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: savings.id, toAccountId: checking.id, amount: '10' } }, ada.token)).errors![0]!.extensions).toMatchObject({ reason: 'ACCOUNT_FROZEN' });
    expect((await app.call(UNFREEZE, { id: savings.id }, admin.token)).data!.unfreezeBankAccount.status).toBe('OPEN');
    expect((await app.call(CLOSE, { id: savings.id }, ada.token)).errors![0]!.extensions).toMatchObject({ reason: 'BALANCE_NOT_ZERO' });
    expect((await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: savings.id, toAccountId: checking.id, amount: '2500' } }, ada.token)).errors).toBeUndefined();
    expect((await app.call(CLOSE, { id: savings.id }, ada.token)).data!.closeBankAccount.status).toBe('CLOSED');
    expect((await send('1')).errors![0]!.extensions).toMatchObject({ reason: 'ACCOUNT_CLOSED' });
    const audit = await app.database.db().execute<{ action: string; actor_id: string | null }>(sql`select action, actor_id from banking.audit_log where entity_id = ${decodeId('BankAccount', savings.id)} order by at, id`);
    expect((audit as unknown as { action: string }[]).map((row) => row.action)).toEqual(['account.opened', 'balance.changed', 'balance.changed', 'account.frozen', 'account.unfrozen', 'balance.changed', 'account.closed']);
  });

  it('converts currency explicitly at a stored rate through the FX accounts; each currency stays balanced', async () => {
    const ada = await customer(['EUR', 'USD'], '0');
    const [eur, usd] = ada.accounts;
    await app.call(DEPOSIT, { input: { idempotencyKey: key(), accountId: eur.id, amount: '10000' } }, admin.token);
    const exchanged = await app.call(EXCHANGE, { input: { idempotencyKey: key(), fromAccountId: eur.id, toAccountId: usd.id, amount: '10000' } }, ada.token);
    expect(exchanged.errors).toBeUndefined();
    expect(exchanged.data!.exchangeCurrency).toMatchObject({ kind: 'FX', amount: '10000', currency: 'EUR', toAmount: '10562', toCurrency: 'USD', fxRate: '1.0562', fxRateSource: 'offline reference rates (not live)' });
    expect(await balanceOf(usd.id, ada.token)).toMatchObject({ balance: '10562' });
    const sums = await app.database.db().execute<{ currency: string; total: string }>(sql`select currency, sum(balance)::text as total from banking.bank_accounts group by currency`);
    for (const row of sums as unknown as { total: string }[]) expect(row.total).toBe('0');
  });
});

describe('statements and ad-hoc ledger queries', () => {
  it('a statement has the opening and closing balance and every posting of the period', async () => {
    const ada = await customer();
    const [checking, savings] = ada.accounts;
    const start = new Date();
    for (const amount of ['100', '250', '400']) await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount } }, ada.token);
    const end = new Date(Date.now() + 1000);
    const statement = (await app.call(STATEMENT, { id: checking.id, from: start.toISOString(), to: end.toISOString() }, ada.token)).data!.bankAccount.statement;
    expect(statement).toEqual({
      currency: 'EUR',
      openingBalance: '100000',
      closingBalance: '99250',
      totalDebits: '750',
      totalCredits: '0',
      postings: [
        { amount: '-100', balanceAfter: '99900' },
        { amount: '-250', balanceAfter: '99650' },
        { amount: '-400', balanceAfter: '99250' },
      ],
    });
    expect(errorCodes(await app.call(STATEMENT, { id: checking.id, from: end.toISOString(), to: start.toISOString() }, ada.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters postings by account, amount range, direction, period and counterparty, with totals over all matches', async () => {
    const ada = await customer();
    const [checking, savings] = ada.accounts;
    for (const amount of ['100', '2000', '3000', '50000']) await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: checking.id, toAccountId: savings.id, amount } }, ada.token);
    const search = async (filter: Record<string, unknown>, first?: number, after?: string) => (await app.call(SEARCH, { filter, first, after }, ada.token)).data!.ledgerPostings;
    const ranged = await search({ accountIds: [checking.id], minAmount: '1000', maxAmount: '10000', direction: 'DEBIT' }, 1);
    expect(ranged.postings.edges).toEqual([{ node: { amount: '-3000', currency: 'EUR' } }]);
    expect(ranged.totals).toEqual([{ currency: 'EUR', count: 2, debits: '5000', credits: '0', net: '-5000' }]);
    const rest = await search({ accountIds: [checking.id], minAmount: '1000', maxAmount: '10000', direction: 'DEBIT' }, 1, ranged.postings.pageInfo.endCursor);
    expect(rest.postings.edges).toEqual([{ node: { amount: '-2000', currency: 'EUR' } }]);
    const fromSavings = await search({ counterpartyAccountNumber: savings.accountNumber });
    expect(fromSavings.totals).toEqual([{ currency: 'EUR', count: 4, debits: '55100', credits: '0', net: '-55100' }]);
    const all = await search({});
    expect(all.totals).toEqual([{ currency: 'EUR', count: 10, debits: '55100', credits: '255100', net: '200000' }]);
    const future = await search({ from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.totals).toEqual([]);
    const bob = await customer(['EUR'], '0');
    expect(errorCodes(await app.call(SEARCH, { filter: { accountIds: [checking.id] } }, bob.token))).toEqual(['FORBIDDEN']);
  });

  it('lists of accounts with their postings cost the same number of statements for 2 users and for 8', async () => {
    const owners: { publicId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const owner = await customer(['EUR', 'EUR'], '1000');
      await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: owner.accounts[0]!.id, toAccountId: owner.accounts[1]!.id, amount: '10', reference: `n${i}` } }, owner.token);
      owners.push(owner);
    }
    const statementsFor = async (count: number) => {
      app.counter.reset();
      const result = await app.call(ACCOUNTS_OF, { reps: owners.slice(0, count).map((owner) => userRep(owner.publicId)) }, admin.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[count - 1].bankAccounts.edges[0].node.postings.edges.length).toBeGreaterThan(0);
      return app.counter.count;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });
});

describe('sensitive data', () => {
  it('the database holds no plaintext account number or holder name, and nothing sensitive reaches the logs', async () => {
    const ada = await customer();
    const holder = 'Grace Brewster Hopper';
    const opened = (await app.call(OPEN, { input: { kind: 'CHECKING', currency: 'EUR', name: 'secret', holderName: holder } }, ada.token)).data!.openBankAccount;
    const digits = (opened.accountNumber as string).replace(/ /g, '');
    // A transfer to the number, and a failed one with a mistyped number, both go through the logs.
    await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: ada.accounts[0]!.id, toAccountNumber: opened.accountNumber, amount: '5' } }, ada.token);
    await app.call(TRANSFER, { input: { idempotencyKey: key(), fromAccountId: ada.accounts[0]!.id, toAccountNumber: `${digits.slice(0, -1)}0`, amount: '5' } }, ada.token);
    const dump = await app.database.db().execute<{ row: string }>(
      sql`select t::text as row from banking.bank_accounts t union all select t::text from banking.transfers t union all select t::text from banking.postings t union all select t::text from banking.audit_log t union all select t::text from banking.payees t union all select t::text from banking.outbox t`,
    );
    const text = (dump as unknown as { row: string }[]).map((row) => row.row).join('\n');
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [digits, digits.slice(0, 8), opened.accountNumber as string, holder, 'Ada Lovelace']) {
      expect(text).not.toContain(secret);
      expect(app.logs.join('\n')).not.toContain(secret);
    }
    expect(app.logs.length).toBeGreaterThan(0);
  });

  it('the audit trail and postings are append-only in the database itself', async () => {
    const db = app.database.db();
    const refusal = (statement: ReturnType<typeof sql>) => db.execute(statement).then(() => 'allowed', (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message));
    expect(await refusal(sql`update banking.audit_log set action = 'x'`)).toMatch(/audit_log is append-only: UPDATE/);
    expect(await refusal(sql`delete from banking.audit_log`)).toMatch(/audit_log is append-only: DELETE/);
    expect(await refusal(sql`update banking.postings set amount = amount + 1`)).toMatch(/postings is append-only: UPDATE/);
    expect(await refusal(sql`truncate banking.postings cascade`)).toMatch(/append-only: TRUNCATE/);
    // An unbalanced posting cannot commit either.
    const [transfer] = (await db.execute<{ id: string }>(sql`select id from banking.transfers limit 1`)) as unknown as { id: string }[];
    const [account] = (await db.execute<{ id: string }>(sql`select id from banking.bank_accounts where owner_id is not null limit 1`)) as unknown as { id: string }[];
    expect(
      await refusal(sql`insert into banking.postings (id, transfer_id, account_id, seq, amount, currency, balance_after, counterparty_account_id, posted_at)
        values (${uuidv7()}, ${transfer!.id}, ${account!.id}, 1000000, 1, 'EUR', 0, ${account!.id}, now())`),
    ).toMatch(/unbalanced/);
  });
});
