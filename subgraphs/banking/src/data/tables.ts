import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything banking stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns values. Money is integer minor units in `bigint` columns, read as JS bigints.
 */
export const bankingSchema = pgSchema('banking');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const money = (name: string) => bigint(name, { mode: 'bigint' });

/**
 * A ledger account. Customer accounts (CHECKING, SAVINGS) belong to a user; house accounts
 * (FUNDING for money entering the bank, FX for each currency's conversion position) belong to
 * no one and may go negative: they are the other side of deposits and conversions, so the sum of
 * all balances in a currency stays zero.
 *
 * `balance` is the posted balance (the running sum of the account's postings); `held` the sum
 * of its pending outgoing transfers. The database refuses any row whose available balance
 * (`balance - held`) is below `-overdraft_limit` for a customer account.
 */
export const bankAccounts = bankingSchema.table(
  'bank_accounts',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; null for house accounts. No foreign key across subgraphs. */
    ownerId: uuid('owner_id'),
    kind: text('kind', { enum: ['CHECKING', 'SAVINGS', 'FUNDING', 'FX'] }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['OPEN', 'FROZEN', 'CLOSED'] }).notNull(),
    name: text('name').notNull(),
    overdraftLimit: money('overdraft_limit').notNull(),
    balance: money('balance').notNull(),
    held: money('held').notNull(),
    /** How many postings the account has: the next posting's `seq`. */
    postingCount: bigint('posting_count', { mode: 'number' }).notNull(),
    /** HMAC-SHA256 of the account number under the lookup key: found by number without storing it. */
    numberHash: text('number_hash').notNull(),
    /** The account number, envelope-encrypted (kit's EnvelopeCipher, context `bank_accounts:<id>:number`). */
    numberSealed: text('number_sealed').notNull(),
    /** The holder's name as written on statements (personal data), envelope-encrypted; null once erased. */
    holderSealed: text('holder_sealed'),
    /** The key-encryption key the sealed fields' data keys are wrapped with (for rotation). */
    keyId: text('key_id').notNull(),
    createdAt: instant('created_at').notNull(),
    closedAt: instant('closed_at'),
  },
  (table) => [
    index('bank_accounts_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    uniqueIndex('bank_accounts_number_hash_idx').on(table.numberHash),
    index('bank_accounts_key_id_idx').on(table.keyId),
    check('bank_accounts_overdraft_nonnegative', sql`${table.overdraftLimit} >= 0`),
    check('bank_accounts_held_nonnegative', sql`${table.held} >= 0`),
    check('bank_accounts_within_limit', sql`${table.kind} in ('FUNDING', 'FX') or ${table.balance} - ${table.held} >= -${table.overdraftLimit}`),
  ],
);

export type BankAccountRow = typeof bankAccounts.$inferSelect;

/**
 * A transfer: one request to move money, with the client's idempotency key. PENDING holds the
 * amount on the source (`held`) until it is POSTED (postings written) or VOIDED (released by the
 * owner, or by the expiry job once `expires_at` passes). An FX transfer converts at `fx_rate`
 * (stored as a decimal string, with its source), crediting `to_amount` in `to_currency`.
 */
export const transfers = bankingSchema.table(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['INTERNAL', 'FX', 'DEPOSIT'] }).notNull(),
    status: text('status', { enum: ['PENDING', 'POSTED', 'VOIDED'] }).notNull(),
    initiatorId: uuid('initiator_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of the request's canonical form: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    fromAccountId: uuid('from_account_id').notNull(),
    toAccountId: uuid('to_account_id').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    toAmount: money('to_amount').notNull(),
    toCurrency: text('to_currency').notNull(),
    fxRate: text('fx_rate'),
    fxRateSource: text('fx_rate_source'),
    reference: text('reference').notNull(),
    voidReason: text('void_reason'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at'),
    postedAt: instant('posted_at'),
    voidedAt: instant('voided_at'),
  },
  (table) => [
    uniqueIndex('transfers_idempotency_idx').on(table.initiatorId, table.idempotencyKey),
    index('transfers_pending_expiry_idx').on(table.expiresAt).where(sql`${table.status} = 'PENDING'`),
    check('transfers_amount_positive', sql`${table.amount} > 0 and ${table.toAmount} > 0`),
    check('transfers_distinct_accounts', sql`${table.fromAccountId} <> ${table.toAccountId}`),
  ],
);

export type TransferRow = typeof transfers.$inferSelect;

/**
 * One side of a posted transfer on one account: negative debits, positive credits. A transfer's
 * postings sum to zero per currency (a deferred constraint trigger checks it at commit), and
 * `balance_after` is the account's running balance after this posting, in `seq` order.
 */
export const postings = bankingSchema.table(
  'postings',
  {
    id: uuid('id').primaryKey(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => bankAccounts.id),
    /** The account's n-th posting (from 0): the order balances run in, and the history's cursor. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    balanceAfter: money('balance_after').notNull(),
    counterpartyAccountId: uuid('counterparty_account_id').notNull(),
    postedAt: instant('posted_at').notNull(),
  },
  (table) => [
    uniqueIndex('postings_account_seq_idx').on(table.accountId, table.seq),
    index('postings_account_posted_idx').on(table.accountId, table.postedAt),
    index('postings_transfer_idx').on(table.transferId),
    check('postings_amount_nonzero', sql`${table.amount} <> 0`),
  ],
);

export type PostingRow = typeof postings.$inferSelect;

/** A saved recipient (adding one needs a recent second factor); its number sealed and hashed like an account's. */
export const payees = bankingSchema.table(
  'payees',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    nameSealed: text('name_sealed').notNull(),
    numberSealed: text('number_sealed').notNull(),
    numberHash: text('number_hash').notNull(),
    keyId: text('key_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [uniqueIndex('payees_owner_number_idx').on(table.ownerId, table.numberHash), index('payees_key_id_idx').on(table.keyId)],
);

export type PayeeRow = typeof payees.$inferSelect;

/**
 * Append-only record of every state change (a trigger refuses UPDATE and DELETE): who, when,
 * what, and the entity before and after. It holds no account numbers or names — only ids,
 * statuses and amounts — so erasing a person's data never needs to touch it.
 */
export const auditLog = bankingSchema.table(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    /** Raw user id of who did it; null for the system (the expiry job, an event consumer). */
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: instant('at').notNull(),
  },
  (table) => [index('audit_log_entity_idx').on(table.entityId, table.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;

