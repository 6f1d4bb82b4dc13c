import { bigint, index, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Everything chain stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const chainSchema = pgSchema('chain');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
/** uint256 quantities (wei, gas, fees): numeric(78, 0) holds 2^256 − 1 exactly; read as decimal strings. */
const uint256 = (name: string) => numeric(name, { precision: 78, scale: 0 });

export const wallets = chainSchema.table(
  'wallets',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['HD', 'WATCH_ONLY'] }).notNull(),
    /** Lower-case hex: the form every lookup and join uses; the API shows the EIP-55 checksum form. */
    address: text('address').notNull(),
    derivationPath: text('derivation_path'),
    /**
     * The BIP-39 seed (the HD root the keys derive from), envelope-encrypted (kit's createEnvelopeCipher,
     * context "chain.wallet:<id>"). Never leaves the domain. The seed rather than the phrase: it
     * derives a key without the phrase's 2048 PBKDF2 rounds on every signature.
     */
    sealedSeed: text('sealed_seed'),
    /** Which key-encryption key wraps the data key (for rotation). */
    keyId: text('key_id'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('wallets_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    uniqueIndex('wallets_owner_address_idx').on(table.ownerId, table.address),
    index('wallets_key_id_idx').on(table.keyId),
  ],
);

export const linkedAddresses = chainSchema.table(
  'linked_addresses',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    address: text('address').notNull(),
    chainId: integer('chain_id').notNull(),
    linkedAt: at('linked_at').notNull(),
  },
  // An address belongs to at most one account.
  (table) => [uniqueIndex('linked_addresses_address_idx').on(table.address), index('linked_addresses_user_idx').on(table.userId, table.linkedAt.desc())],
);

/** EIP-4361 nonces handed out by `createSiweChallenge`; each is accepted once, before it expires. */
export const siweChallenges = chainSchema.table('siwe_challenges', {
  nonce: text('nonce').primaryKey(),
  userId: uuid('user_id').notNull(),
  address: text('address').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
  createdAt: at('created_at').notNull(),
});

/**
 * The next nonce of each sending address, shared by every replica: a send holds this row's lock
 * from choosing the nonce until the network accepted the transaction, so no two replicas use one
 * nonce and a failed send gives its nonce back (no gaps).
 */
export const nonces = chainSchema.table(
  'nonces',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    nextNonce: bigint('next_nonce', { mode: 'bigint' }).notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.chainId, table.address] })],
);

export const TRANSACTION_STATUSES = ['PENDING', 'MINED', 'CONFIRMED', 'FAILED', 'REPLACED'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];
export const TRANSACTION_KINDS = ['TRANSFER', 'TOKEN_TRANSFER', 'CONTRACT_DEPLOYMENT', 'CONTRACT_CALL', 'CANCELLATION', 'FUNDING'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const transactions = chainSchema.table(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    chainId: integer('chain_id').notNull(),
    /** The user whose wallet sent it; null for the development network's faucet. */
    ownerId: uuid('owner_id'),
    walletId: uuid('wallet_id'),
    kind: text('kind', { enum: TRANSACTION_KINDS }).notNull(),
    status: text('status', { enum: TRANSACTION_STATUSES }).notNull(),
    hash: text('hash').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address'),
    value: uint256('value').notNull(),
    nonce: bigint('nonce', { mode: 'bigint' }).notNull(),
    gasLimit: uint256('gas_limit').notNull(),
    maxFeePerGas: uint256('max_fee_per_gas').notNull(),
    maxPriorityFeePerGas: uint256('max_priority_fee_per_gas').notNull(),
    /** The signed transaction, so a replica can rebroadcast it after a restart if the network forgot it. */
    raw: text('raw').notNull(),
    blockNumber: bigint('block_number', { mode: 'bigint' }),
    blockHash: text('block_hash'),
    confirmations: integer('confirmations').notNull(),
    gasUsed: uint256('gas_used'),
    effectiveGasPrice: uint256('effective_gas_price'),
    tokenAddress: text('token_address'),
    tokenAmount: uint256('token_amount'),
    /** The contract deployed or called. */
    contractId: uuid('contract_id'),
    revertReason: text('revert_reason'),
    replacedById: uuid('replaced_by_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    // Not unique: after a network reset the same key, nonce and fees sign the same bytes again.
    index('transactions_hash_idx').on(table.chainId, table.hash),
    index('transactions_sender_nonce_idx').on(table.chainId, table.fromAddress, table.nonce),
    index('transactions_open_idx').on(table.chainId, table.status),
  ],
);

/**
 * Which transactions touch which address (sender and recipient): each wallet's history is one
 * ranked read of this index, for any number of wallets at once.
 */
export const addressTransactions = chainSchema.table(
  'address_transactions',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    transactionId: uuid('transaction_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.chainId, table.address, table.transactionId] }),
    index('address_transactions_page_idx').on(table.chainId, table.address, table.createdAt.desc(), table.transactionId.desc()),
  ],
);

export const contracts = chainSchema.table(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    chainId: integer('chain_id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    abi: jsonb('abi').$type<readonly unknown[]>().notNull(),
    deploymentTxId: uuid('deployment_tx_id'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('contracts_owner_address_idx').on(table.ownerId, table.chainId, table.address),
    index('contracts_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    index('contracts_address_idx').on(table.chainId, table.address),
  ],
);

/**
 * The network each chain id was last seen as (its genesis block): a different genesis under the
 * same chain id means the network was reset (the development network restarts empty, a local
 * node was wiped, the URL now points elsewhere), so what was pending on the old one is settled.
 */
export const networks = chainSchema.table('networks', {
  chainId: integer('chain_id').primaryKey(),
  genesisHash: text('genesis_hash').notNull(),
  seenAt: at('seen_at').notNull(),
});

/**
 * How far each chain's logs were read for `contractEvents`. Replicas advance it by compare-and-set,
 * so each block range is published by exactly one of them.
 */
export const logCursors = chainSchema.table('log_cursors', {
  chainId: integer('chain_id').primaryKey(),
  lastBlock: bigint('last_block', { mode: 'bigint' }).notNull(),
  updatedAt: at('updated_at').notNull(),
});

export type WalletRow = typeof wallets.$inferSelect;
export type LinkedAddressRow = typeof linkedAddresses.$inferSelect;
export type TransactionRow = typeof transactions.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;
