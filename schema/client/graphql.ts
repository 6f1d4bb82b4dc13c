/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddPayeeInput = {
  accountNumber: string;
  /** 1 to 100 characters. */
  name: string;
};

export type BankAccountKind =
  | 'CHECKING'
  | 'SAVINGS';

export type BankAccountStatus =
  /** Closed by its owner at a zero balance; kept for the ledger's history. */
  | 'CLOSED'
  /** Nothing moves until an admin unfreezes it (suspected fraud, a legal hold). */
  | 'FROZEN'
  /** Money moves in and out. */
  | 'OPEN';

export type ChainNetworkKind =
  | 'DEVNET'
  | 'RPC';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type ContractCallInput = {
  /** Arguments as a JSON array in ABI order. */
  args?: unknown;
  contractId: string | number;
  functionName: string;
};

export type ContractWriteInput = {
  args?: unknown;
  contractId: string | number;
  functionName: string;
  gasLimit?: string | null | undefined;
  maxFeePerGas?: string | null | undefined;
  maxPriorityFeePerGas?: string | null | undefined;
  value?: string | null | undefined;
  walletId: string | number;
};

export type CreateNoteInput = {
  /** Markdown or plain text, at most 100,000 characters. Empty if omitted. */
  body?: string | null | undefined;
  /** Pin the note right away; false if omitted. */
  pinned?: boolean | null | undefined;
  /**
   * Share the note with the organization your token is switched to (switchOrganization): its
   * members can read it; only you change it. Personal if omitted.
   */
  shared?: boolean | null | undefined;
  /**
   * Each tag: letters, digits, "-" or "_", 1 to 50 characters; stored trimmed and in lower case,
   * duplicates dropped. At most 20.
   */
  tags?: Array<string> | null | undefined;
  /** At most 200 characters, one line; surrounding spaces are trimmed. Empty if omitted. */
  title?: string | null | undefined;
};

export type CreatePriceAlertInput = {
  condition: PriceAlertCondition;
  /** PERCENT_MOVE only: 0.01 to 100 percent, at most two decimals. */
  percent?: number | null | undefined;
  /** ABOVE / BELOW only: the threshold in minor units (cents), a positive whole number. */
  price?: number | null | undefined;
  /** A known symbol (case-insensitive). */
  symbol: string;
  /** PERCENT_MOVE only: 1 to 1440 minutes. */
  windowMinutes?: number | null | undefined;
};

export type CreateRoomInput = {
  /** At most 500 characters; surrounding spaces are trimmed, and an empty one is none. */
  description?: string | null | undefined;
  /** 1 to 80 characters, one line; surrounding spaces are trimmed. */
  name: string;
  /** PUBLIC if omitted. */
  visibility?: RoomVisibility | null | undefined;
};

export type CreateTodoInput = {
  /** Up to 10,000 characters; an empty string stores no description. */
  description?: string | null | undefined;
  dueAt?: string | null | undefined;
  /** Your labels to put on it (up to 20). */
  labelIds?: Array<string | number> | null | undefined;
  /** Makes it a subtask of this todo; it then goes to the parent's project (leave projectId out or give the same). */
  parentId?: string | number | null | undefined;
  priority?: TodoPriority | null | undefined;
  /** The project to add it to (you must be able to edit it); default: your Inbox. */
  projectId?: string | number | null | undefined;
  /**
   * An RFC 5545 RRULE such as "FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
   * "FREQ=MONTHLY;BYMONTHDAY=-1" or "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH" (up to 200 characters).
   * Supported: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY,
   * BYMONTH, BYSETPOS, WKST. Without `dueAt`, the todo becomes due at the rule's first occurrence
   * after now (times of day follow that moment).
   */
  recurrence?: string | null | undefined;
  /** A section of that project. */
  sectionId?: string | number | null | undefined;
  /**
   * Share the todo with the organization your token is switched to (switchOrganization): every
   * member sees and changes it; it stays with the organization when you leave. Default: personal.
   */
  shared?: boolean | null | undefined;
  /** 1 to 500 characters on one line; surrounding space is trimmed. */
  title: string;
};

export type CreateTransferInput = {
  /** Positive, in the source currency's minor units. */
  amount: string;
  /** One of your open accounts. */
  fromAccountId: string | number;
  /** Hold the amount as a pending transfer to post (or void) later. */
  hold?: boolean | null | undefined;
  /** Unique per transfer you make (1 to 100 characters). Resending the same key and body returns the first result. */
  idempotencyKey: string;
  /** Shown on both statements (at most 140 characters). */
  reference?: string | null | undefined;
  /** Another of your accounts; or give `toAccountNumber` or `toPayeeId` (exactly one). */
  toAccountId?: string | number | null | undefined;
  toAccountNumber?: string | null | undefined;
  toPayeeId?: string | number | null | undefined;
};

export type CreateWalletInput = {
  /** BIP-44 address index (m/44'/60'/0'/0/index); 0 when omitted. */
  addressIndex?: number | null | undefined;
  /** 1 to 100 characters, trimmed. */
  label: string;
  /** Restore from this BIP-39 phrase (12 or 24 words) instead of generating a new one. */
  mnemonic?: string | null | undefined;
};

export type CreateWatchlistInput = {
  /** 1 to 60 characters, one line; surrounding spaces are trimmed. Unique among your watchlists. */
  name: string;
  /** Initial symbols (case-insensitive, known instruments, at most 100; duplicates dropped). */
  symbols?: Array<string> | null | undefined;
};

export type DeployContractInput = {
  /** Constructor arguments as a JSON array, in ABI order (integers as decimal strings). */
  args?: unknown;
  /** Which contract of the source to deploy; the only one when omitted. */
  contractName?: string | null | undefined;
  example?: ExampleContract | null | undefined;
  gasLimit?: string | null | undefined;
  /** Solidity source (imports limited to @openzeppelin/contracts/…); or use `example`. */
  source?: string | null | undefined;
  /** Wei sent to a payable constructor. */
  value?: string | null | undefined;
  walletId: string | number;
};

export type ExampleContract =
  /** An OpenZeppelin ERC-20 the deployer can mint: constructor(name, symbol, initialSupply). */
  | 'ERC20'
  /** An OpenZeppelin ERC-721 the deployer mints: constructor(name, symbol). */
  | 'ERC721';

export type ExchangeCurrencyInput = {
  /** Positive, in the source currency's minor units. */
  amount: string;
  fromAccountId: string | number;
  idempotencyKey: string;
  reference?: string | null | undefined;
  /** Another of your accounts, in another currency. */
  toAccountId: string | number;
};

export type LoginInput = {
  email: string;
  password: string;
};

/** Narrows `User.notes`. Omitted conditions do not filter. */
export type NoteFilter = {
  /** false (the default): notes not archived; true: only archived notes; null: both. */
  archived?: boolean | null | undefined;
  /** Only notes filed directly in this notebook of yours. */
  notebookId?: string | number | null | undefined;
  /** true: only pinned notes; false: only notes that are not pinned. */
  pinned?: boolean | null | undefined;
  /** Only notes that carry every one of these tags (compared after normalising, like note tags). */
  tags?: Array<string> | null | undefined;
  /** Only notes changed after this instant (exclusive), e.g. to sync what changed since a last visit. */
  updatedAfter?: string | null | undefined;
};

/** How `User.notes` is ordered. Ties are broken by id, so pages never skip or repeat a note. */
export type NoteOrder =
  /** Most recently created first. */
  | 'CREATED_AT'
  /** Best match first: words in the title weigh most, then tags, then the body. Needs `search`. */
  | 'RELEVANCE'
  /** By title, A to Z, ignoring case. */
  | 'TITLE'
  /** Pinned notes first, then the most recently changed. */
  | 'UPDATED_AT';

export type OpenBankAccountInput = {
  /** ISO 4217: EUR, USD, GBP, CHF or JPY. */
  currency: string;
  /** The holder's name for statements (1 to 200 characters). */
  holderName: string;
  kind: BankAccountKind;
  /** 1 to 100 characters. */
  name: string;
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PostingDirection =
  | 'CREDIT'
  | 'DEBIT';

/** Ad-hoc filters over postings; all given conditions must hold. */
export type PostingFilter = {
  /** Your accounts to search (default: all of yours; admins may name anyone's). */
  accountIds?: Array<string | number> | null | undefined;
  /** Only postings whose other side is this account number. */
  counterpartyAccountNumber?: string | null | undefined;
  direction?: PostingDirection | null | undefined;
  /** Posted at or after. */
  from?: string | null | undefined;
  /** Largest absolute amount, in minor units. */
  maxAmount?: string | null | undefined;
  /** Smallest absolute amount, in minor units. */
  minAmount?: string | null | undefined;
  /** Posted before. */
  to?: string | null | undefined;
};

/** What makes a price alert fire. */
export type PriceAlertCondition =
  /** A trade at or above `price`. */
  | 'ABOVE'
  /** A trade at or below `price`. */
  | 'BELOW'
  /**
   * A trade at least `percent` above the lowest, or below the highest, price traded within the last
   * `windowMinutes` (counting only trades since the alert was armed).
   */
  | 'PERCENT_MOVE';

export type PriceAlertStatus =
  /** Evaluated against every trade; fires once. */
  | 'ARMED'
  /** Fired; stays silent until `rearmPriceAlert`. */
  | 'TRIGGERED';

export type RegisterInput = {
  /** Shown to others; defaults to the part of the email before @. */
  displayName?: string | null | undefined;
  /** A valid email address; stored in lower case. */
  email: string;
  /** 10 to 128 characters, not a commonly used password and not containing your email name. */
  password: string;
};

export type Role =
  /** May list users and change their roles. */
  | 'ADMIN'
  /** Writes and publishes their own blog posts. */
  | 'AUTHOR'
  /** Edits and moderates any blog post and comment. */
  | 'EDITOR'
  /** Runs the shop: catalog, inventory, orders, refunds and promotions. */
  | 'STAFF'
  /** Every registered user. */
  | 'USER';

/** Who can find, read and join a room. */
export type RoomVisibility =
  /** Unlisted; only members can read it. Joining needs an invitation from a member. */
  | 'PRIVATE'
  /** Listed for everyone signed in; anyone signed in may read it, and join it to post. */
  | 'PUBLIC';

export type SendMessageInput = {
  /**
   * Files to attach: ids of your own files (`File.id`), at most 10, each once. Members of the room
   * (anyone signed in, for a public room) can then read them through `Message.attachments`.
   * Someone else's file or an unknown id is BAD_USER_INPUT (`extensions.reason` NOT_YOUR_FILE), more
   * than 10 TOO_MANY_ATTACHMENTS; nothing is sent then.
   */
  attachmentIds?: Array<string | number> | null | undefined;
  /** A message of the same room that this one answers. */
  replyToId?: string | number | null | undefined;
  roomId: string | number;
  /** 1 to 4000 characters once surrounding whitespace is trimmed; line breaks inside are kept. */
  text: string;
  /**
   * Posts the message as a reply in the thread of this message (of the same room, and not itself a
   * reply in a thread): it is listed by `Thread.replies`, not in the room's main timeline.
   */
  threadRootId?: string | number | null | undefined;
};

export type SpeedUpInput = {
  /** How much to raise both fee caps, 10 to 500 percent (nodes require at least 10); 20 when omitted. */
  feeBumpPercent?: number | null | undefined;
  transactionId: string | number;
};

/**
 * Narrows a todo list. Every condition given must hold; an omitted (or null) condition does not
 * filter.
 */
export type TodoFilter = {
  /** true: only done todos; false: only open ones. */
  done?: boolean | null | undefined;
  /** Only todos due at or after this instant (undated todos are left out). */
  dueAfter?: string | null | undefined;
  /** Only todos due strictly before this instant (undated todos are left out). */
  dueBefore?: string | null | undefined;
  /** Only todos carrying this label. */
  labelId?: string | number | null | undefined;
  /** true: only open todos whose due date has passed; false: every todo that is not overdue. */
  overdue?: boolean | null | undefined;
  /** Only todos with one of these priorities. */
  priority?: Array<TodoPriority> | null | undefined;
  /** Only todos in this project (one you can see). */
  projectId?: string | number | null | undefined;
  /** Only todos whose title contains this text, ignoring case (1 to 200 characters; % and _ match themselves). */
  search?: string | null | undefined;
  /** Only todos under this section. */
  sectionId?: string | number | null | undefined;
};

/**
 * How a todo list is sorted. Ties are broken by id, so every order is total and its cursors stay
 * valid while todos are added or removed.
 */
export type TodoOrder = {
  direction?: OrderDirection;
  field?: TodoOrderField;
};

export type TodoOrderField =
  /** By creation time. */
  | 'CREATED_AT'
  /** By due date; undated todos come last in either direction. */
  | 'DUE_AT'
  /** The owner's manual order (see `moveTodo`). */
  | 'MANUAL'
  /** By priority, then by due date (soonest first, undated last). */
  | 'PRIORITY';

/** How urgent a todo is. `orderBy: { field: PRIORITY, direction: DESC }` lists URGENT first. */
export type TodoPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'NONE'
  | 'URGENT';

export type TransactionKind =
  | 'CANCELLATION'
  | 'CONTRACT_CALL'
  | 'CONTRACT_DEPLOYMENT'
  | 'FUNDING'
  | 'TOKEN_TRANSFER'
  | 'TRANSFER';

export type TransactionStatus =
  /** In a block with at least `confirmationsRequired` blocks on top, and succeeded. */
  | 'CONFIRMED'
  /** Mined but reverted (see `revertReason`), or dropped by the network. */
  | 'FAILED'
  /** In a block, with fewer than `confirmationsRequired` blocks on top. */
  | 'MINED'
  /** Accepted by the network, not yet in a block. */
  | 'PENDING'
  /** Another transaction with the same nonce was mined instead (speed-up, cancel or a foreign send). */
  | 'REPLACED';

export type TransferInput = {
  /** Wei, or the token's smallest unit when `token` is set. */
  amount: string;
  /** Refuse to sign unless the network's chain id is this one. */
  chainId?: number | null | undefined;
  /** Gas limit, 21000 to the block gas limit; estimated when omitted. */
  gasLimit?: string | null | undefined;
  maxFeePerGas?: string | null | undefined;
  maxPriorityFeePerGas?: string | null | undefined;
  /** Recipient address (EIP-55 checksum enforced for mixed case). */
  to: string;
  /** An ERC-20 contract address: send that token instead of the native currency. */
  token?: string | null | undefined;
  walletId: string | number;
};

export type TransferStatus =
  /** The amount is held on the source; post or void it (or it expires and is voided). */
  | 'PENDING'
  | 'POSTED'
  | 'VOIDED';

/** Only the fields given change; omitted ones keep their value (null is not allowed for them). */
export type UpdateNoteInput = {
  body?: string | null | undefined;
  /**
   * The `updatedAt` you last read. If the note changed since, nothing is written and the result is
   * a CONFLICT error carrying the current `updatedAt`: reload, merge, retry.
   */
  expectedUpdatedAt?: string | null | undefined;
  /** Replaces all tags; rules as in `CreateNoteInput.tags`. */
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
};

/**
 * A partial update: omitted fields keep their value; null clears a nullable field (`description`,
 * `dueAt`, `recurrence`). A recurring todo needs a due date, so clear `recurrence` along with `dueAt`.
 * Changing `dueAt` or `recurrence` restarts the series at the (new) due date.
 */
export type UpdateTodoInput = {
  description?: string | null | undefined;
  dueAt?: string | null | undefined;
  /** Replaces the todo's labels with these of yours (up to 20); [] removes them all. */
  labelIds?: Array<string | number> | null | undefined;
  priority?: TodoPriority | null | undefined;
  /**
   * Moves the todo (with its subtasks) to another project you can edit; a subtask moved to another
   * project becomes top-level. Its section is cleared unless `sectionId` is given too.
   */
  projectId?: string | number | null | undefined;
  recurrence?: string | null | undefined;
  /** A section of the todo's (new) project; null takes it out of its section. */
  sectionId?: string | number | null | undefined;
  title?: string | null | undefined;
};

export type WalletKind =
  /** Keys derived from a BIP-39 mnemonic (BIP-44 path m/44'/60'/0'/0/index), kept encrypted; can sign. */
  | 'HD'
  /** An address only: balances and history, no signing. */
  | 'WATCH_ONLY';

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { accessToken: string, refreshToken: string } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string | null, displayName: string, roles: Array<Role> | null, createdAt: string } | null };

export type MyBankAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBankAccountsQuery = { me: { id: string, bankAccounts: { edges: Array<{ node: { id: string, kind: BankAccountKind, name: string, currency: string, status: BankAccountStatus, accountNumber: string, balance: string, held: string, available: string, overdraftLimit: string } }> } | null, payees: Array<{ id: string, name: string, maskedNumber: string }> | null } | null };

export type OpenBankAccountMutationVariables = Exact<{
  input: OpenBankAccountInput;
}>;


export type OpenBankAccountMutation = { openBankAccount: { id: string, kind: BankAccountKind, name: string, currency: string, accountNumber: string, balance: string } | null };

export type CreateTransferMutationVariables = Exact<{
  input: CreateTransferInput;
}>;


export type CreateTransferMutation = { createTransfer: { id: string, status: TransferStatus, amount: string, currency: string, reference: string, expiresAt: string | null, from: { maskedNumber: string, holderName: string | null }, to: { maskedNumber: string, holderName: string | null } } | null };

export type PostTransferMutationVariables = Exact<{
  id: string | number;
}>;


export type PostTransferMutation = { postTransfer: { id: string, status: TransferStatus, postedAt: string | null } | null };

export type VoidTransferMutationVariables = Exact<{
  id: string | number;
}>;


export type VoidTransferMutation = { voidTransfer: { id: string, status: TransferStatus, voidReason: string | null } | null };

export type ExchangeCurrencyMutationVariables = Exact<{
  input: ExchangeCurrencyInput;
}>;


export type ExchangeCurrencyMutation = { exchangeCurrency: { id: string, amount: string, currency: string, toAmount: string, toCurrency: string, fxRate: string | null, fxRateSource: string | null } | null };

export type AddPayeeMutationVariables = Exact<{
  input: AddPayeeInput;
}>;


export type AddPayeeMutation = { addPayee: { id: string, name: string, maskedNumber: string } | null };

export type BankStatementQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;


export type BankStatementQuery = { bankAccount: { name: string, statement: { currency: string, openingBalance: string, closingBalance: string, totalDebits: string, totalCredits: string, postings: Array<{ amount: string, balanceAfter: string, postedAt: string, counterparty: { maskedNumber: string, holderName: string | null, bank: boolean }, transfer: { reference: string } }> } } | null };

export type LedgerPostingsQueryVariables = Exact<{
  filter?: PostingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LedgerPostingsQuery = { ledgerPostings: { postings: { edges: Array<{ node: { amount: string, currency: string, postedAt: string, counterparty: { maskedNumber: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, totals: Array<{ currency: string, count: number, debits: string, credits: string, net: string }> } | null };

export type TransferReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TransferReceivedSubscription = { transferReceived: { transfer: { id: string, amount: string, currency: string, reference: string, from: { maskedNumber: string, holderName: string | null } }, account: { id: string, name: string, balance: string } | null } | null };

export type ChainNetworkQueryVariables = Exact<{ [key: string]: never; }>;


export type ChainNetworkQuery = { chainNetwork: { chainId: number, name: string, kind: ChainNetworkKind, currencySymbol: string, latestBlock: string, confirmationsRequired: number } };

export type MyWalletsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWalletsQuery = { me: { id: string, wallets: { edges: Array<{ node: { id: string, label: string, kind: WalletKind, address: string, balance: string, transactions: { edges: Array<{ node: { id: string, kind: TransactionKind, status: TransactionStatus, confirmations: number, hash: string, value: string, to: string | null } }> } } }> } | null, linkedAddresses: Array<{ address: string, chainId: number, linkedAt: string }> | null } | null };

export type CreateWalletMutationVariables = Exact<{
  input: CreateWalletInput;
}>;


export type CreateWalletMutation = { createWallet: { mnemonic: string | null, wallet: { id: string, label: string, address: string, balance: string }, funding: { id: string, status: TransactionStatus } | null } | null };

export type SignMessageMutationVariables = Exact<{
  walletId: string | number;
  message: string;
}>;


export type SignMessageMutation = { signMessage: { signature: string, address: string } | null };

export type VerifyMessageSignatureQueryVariables = Exact<{
  address: string;
  message: string;
  signature: string;
}>;


export type VerifyMessageSignatureQuery = { verifyMessageSignature: { valid: boolean, recoveredAddress: string | null } };

export type CreateSiweChallengeMutationVariables = Exact<{
  address: string;
}>;


export type CreateSiweChallengeMutation = { createSiweChallenge: { message: string, nonce: string, expiresAt: string } | null };

export type LinkAddressMutationVariables = Exact<{
  message: string;
  signature: string;
}>;


export type LinkAddressMutation = { linkAddress: { address: string, chainId: number, linkedAt: string } | null };

export type EstimateTransferQueryVariables = Exact<{
  input: TransferInput;
}>;


export type EstimateTransferQuery = { estimateTransfer: { gasLimit: string, maxFeePerGas: string, maxPriorityFeePerGas: string, maxCost: string } | null };

export type SendTransferMutationVariables = Exact<{
  input: TransferInput;
}>;


export type SendTransferMutation = { sendTransfer: { id: string, status: TransactionStatus, nonce: string, hash: string, value: string, from: string, to: string | null } | null };

export type SpeedUpTransactionMutationVariables = Exact<{
  input: SpeedUpInput;
}>;


export type SpeedUpTransactionMutation = { speedUpTransaction: { id: string, status: TransactionStatus, nonce: string, maxFeePerGas: string } | null };

export type CancelTransactionMutationVariables = Exact<{
  transactionId: string | number;
}>;


export type CancelTransactionMutation = { cancelTransaction: { id: string, status: TransactionStatus, nonce: string } | null };

export type TransactionUpdatedSubscriptionVariables = Exact<{
  walletId?: string | number | null | undefined;
}>;


export type TransactionUpdatedSubscription = { transactionUpdated: { id: string, kind: TransactionKind, status: TransactionStatus, confirmations: number, blockNumber: string | null, revertReason: string | null, replacedBy: { id: string } | null } | null };

export type DeployContractMutationVariables = Exact<{
  input: DeployContractInput;
}>;


export type DeployContractMutation = { deployContract: { id: string, name: string, address: string, deployment: { id: string, status: TransactionStatus } | null } | null };

export type CallContractQueryVariables = Exact<{
  input: ContractCallInput;
}>;


export type CallContractQuery = { callContract: unknown };

export type WriteContractMutationVariables = Exact<{
  input: ContractWriteInput;
}>;


export type WriteContractMutation = { writeContract: { id: string, status: TransactionStatus } | null };

export type ContractEventsQueryVariables = Exact<{
  id: string | number;
  eventName?: string | null | undefined;
}>;


export type ContractEventsQuery = { contract: { name: string, address: string, events: Array<{ eventName: string, args: unknown, blockNumber: string, transactionHash: string, logIndex: number }> } | null };

export type LiveContractEventsSubscriptionVariables = Exact<{
  contractId: string | number;
  eventName?: string | null | undefined;
}>;


export type LiveContractEventsSubscription = { contractEvents: { eventName: string, args: unknown, blockNumber: string, transactionHash: string } | null };

export type ChatRoomsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChatRoomsQuery = { chatRooms: { edges: Array<{ node: { id: string, name: string, description: string | null, visibility: RoomVisibility, memberCount: number, lastActivityAt: string, unreadCount: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type RoomHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RoomHistoryQuery = { room: { id: string, name: string, messages: { edges: Array<{ cursor: string, node: { id: string, text: string, createdAt: string, editedAt: string | null, deletedAt: string | null, author: { id: string, displayName: string }, replyTo: { id: string, text: string } | null, reactions: Array<{ emoji: string, count: number, reactedByViewer: boolean | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CreateRoomMutationVariables = Exact<{
  input: CreateRoomInput;
}>;


export type CreateRoomMutation = { createRoom: { id: string, name: string, visibility: RoomVisibility } | null };

export type JoinRoomMutationVariables = Exact<{
  roomId: string | number;
}>;


export type JoinRoomMutation = { joinRoom: { id: string, memberCount: number } | null };

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { sendMessage: { id: string, text: string, createdAt: string } | null };

export type MarkRoomReadMutationVariables = Exact<{
  roomId: string | number;
  upToMessageId: string | number;
}>;


export type MarkRoomReadMutation = { markRoomRead: { id: string, unreadCount: number | null } | null };

export type MessageEventsSubscriptionVariables = Exact<{
  roomId: string | number;
}>;


export type MessageEventsSubscription = { messageEvents:
    | { __typename: 'MessageAdded', message: { id: string, text: string, createdAt: string, author: { id: string, displayName: string } } }
    | { __typename: 'MessageDeleted', messageId: string }
    | { __typename: 'MessageEdited', message: { id: string, text: string, editedAt: string | null } }
    | { __typename: 'MessagePreviewAdded' }
    | { __typename: 'MessageReactionsChanged' }
   | null };

export type TypingSubscriptionVariables = Exact<{
  roomId: string | number;
}>;


export type TypingSubscription = { typing: { isTyping: boolean, expiresAt: string, user: { id: string, displayName: string } } | null };

export type MyNotesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  filter?: NoteFilter | null | undefined;
  orderBy?: NoteOrder | null | undefined;
}>;


export type MyNotesQuery = { me: { id: string, notes: { totalCount: number, edges: Array<{ cursor: string, rank: number | null, highlight: { text: string, matches: Array<{ start: number, length: number }> } | null, node: { id: string, title: string, tags: Array<string>, pinned: boolean, archived: boolean, updatedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type NoteQueryVariables = Exact<{
  id: string | number;
}>;


export type NoteQuery = { note: { id: string, title: string, body: string, tags: Array<string>, pinned: boolean, archived: boolean, createdAt: string, updatedAt: string } | null };

export type CreateNoteMutationVariables = Exact<{
  input: CreateNoteInput;
}>;


export type CreateNoteMutation = { createNote: { id: string, title: string, tags: Array<string>, updatedAt: string } | null };

export type UpdateNoteMutationVariables = Exact<{
  id: string | number;
  input: UpdateNoteInput;
}>;


export type UpdateNoteMutation = { updateNote: { id: string, title: string, body: string, tags: Array<string>, updatedAt: string } | null };

export type DeleteNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNoteMutation = { deleteNote: string | null };

export type PinNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type PinNoteMutation = { pinNote: { id: string, pinned: boolean } | null };

export type InstrumentQueryVariables = Exact<{
  symbol: string;
  last?: number | null | undefined;
}>;


export type InstrumentQuery = { instrument: { symbol: string, name: string, currency: string, priceDecimals: number, quote: { last: number, changePercent: number | null, dayVolume: number, at: string } | null, candles: { edges: Array<{ node: { start: string, open: number, high: number, low: number, close: number, volume: number } }> }, indicators: { sma20: number | null, ema20: number | null, rsi14: number | null, vwap: number | null, macd: { macd: number, signal: number, histogram: number } | null, bollinger: { upper: number, middle: number, lower: number } | null } } | null };

export type ForecastQueryVariables = Exact<{
  symbol: string;
  horizon: number;
}>;


export type ForecastQuery = { instrument: { forecast: { model: string, disclaimer: string, points: Array<{ at: string, expected: number, lower: number, upper: number }>, backtest: { mae: number, baselineMae: number, skill: number, samples: number } } } | null };

export type MyWatchlistsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWatchlistsQuery = { me: { id: string, watchlists: Array<{ id: string, name: string, instruments: Array<{ symbol: string, name: string, quote: { last: number, changePercent: number | null } | null }> }> | null } | null };

export type CreateWatchlistMutationVariables = Exact<{
  input: CreateWatchlistInput;
}>;


export type CreateWatchlistMutation = { createWatchlist: { id: string, name: string, instruments: Array<{ symbol: string }> } | null };

export type CreatePriceAlertMutationVariables = Exact<{
  input: CreatePriceAlertInput;
}>;


export type CreatePriceAlertMutation = { createPriceAlert: { id: string, condition: PriceAlertCondition, price: number | null, percent: number | null, windowMinutes: number | null, status: PriceAlertStatus } | null };

export type QuotesSubscriptionVariables = Exact<{
  symbols: Array<string> | string;
}>;


export type QuotesSubscription = { quotes: { symbol: string, last: number, bid: number | null, ask: number | null, changePercent: number | null, dayVolume: number, at: string, instrument: { name: string } } };

export type PriceAlertTriggeredSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type PriceAlertTriggeredSubscription = { priceAlertTriggered: { id: string, condition: PriceAlertCondition, threshold: number | null, price: number, triggeredAt: string, instrument: { symbol: string } } | null };

export type MyTodosQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TodoFilter | null | undefined;
  orderBy?: TodoOrder | null | undefined;
}>;


export type MyTodosQuery = { me: { id: string, todos: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string, description: string | null, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, upcomingOccurrences: Array<string> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type CreateTodoMutationVariables = Exact<{
  input: CreateTodoInput;
}>;


export type CreateTodoMutation = { createTodo: { id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number } | null };

export type UpdateTodoMutationVariables = Exact<{
  id: string | number;
  input: UpdateTodoInput;
}>;


export type UpdateTodoMutation = { updateTodo: { id: string, title: string, description: string | null, dueAt: string | null, priority: TodoPriority, recurrence: string | null } | null };

export type CompleteTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type CompleteTodoMutation = { completeTodo: { id: string, done: boolean, completedAt: string | null, dueAt: string | null } | null };

export type ReopenTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type ReopenTodoMutation = { reopenTodo: { id: string, done: boolean } | null };

export type DeleteTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteTodoMutation = { deleteTodo: string | null };

export type MoveTodoMutationVariables = Exact<{
  id: string | number;
  afterId?: string | number | null | undefined;
  beforeId?: string | number | null | undefined;
}>;


export type MoveTodoMutation = { moveTodo: { id: string, position: number } | null };


export const RegisterDocument = {"__meta__":{"hash":"sha256:cd38207873f35b7cf6423e2ca2df57afd0e9e8952eae7cbd8d053908440ac2a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = {"__meta__":{"hash":"sha256:91c7111cc74fcd0112909f0e46b85e56893176f55d6ce6798e2ebb5187f16368"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"sha256:843c6e54b0286ce2fde509a232ad100dfe0c9903627460526f69b3fa52b81c60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = {"__meta__":{"hash":"sha256:44df27831b2e811e41361abb45896fc013bf9f0e37f54ae93fdb75c2c1f24da5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = {"__meta__":{"hash":"sha256:b98ea1146e167327557425fabe700fd1df58d9067a38db39b6f4f85ce75fd3cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:50443297795ff6a1f6d99493f95597f71a4c0b88861e4baec9334f4e939b0007"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyBankAccountsDocument = {"__meta__":{"hash":"sha256:62f1a3728c739eb4d229142f68f612e31372d65f5bb4319ff61c643543a34f04"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyBankAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"overdraftLimit"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}}]}}]}}]}}]} as unknown as DocumentNode<MyBankAccountsQuery, MyBankAccountsQueryVariables>;
export const OpenBankAccountDocument = {"__meta__":{"hash":"sha256:200fe6f7ab9236b830b612fed3f02fb570335db9bddfc9531a3b779a6f08d37d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenBankAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenBankAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openBankAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]} as unknown as DocumentNode<OpenBankAccountMutation, OpenBankAccountMutationVariables>;
export const CreateTransferDocument = {"__meta__":{"hash":"sha256:685d456ba2d26f1cc7d5c9c417e7c371278f987a510daaf4cb90316e2aae8d6b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTransferMutation, CreateTransferMutationVariables>;
export const PostTransferDocument = {"__meta__":{"hash":"sha256:c6452e28a875a6c8390053d18d6698abcee5c532b13338b96c25ea1b1b6faa48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}}]}}]}}]} as unknown as DocumentNode<PostTransferMutation, PostTransferMutationVariables>;
export const VoidTransferDocument = {"__meta__":{"hash":"sha256:e9a18b0041e88b1fbdfe859825ef03bc6ae01ae171ee9ef48ef6f59e134bf576"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"voidReason"}}]}}]}}]} as unknown as DocumentNode<VoidTransferMutation, VoidTransferMutationVariables>;
export const ExchangeCurrencyDocument = {"__meta__":{"hash":"sha256:23f95d5987f056e52d7492685cecbb63d958f382b2b74ca813dd0db155ab9006"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExchangeCurrency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExchangeCurrencyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchangeCurrency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"toAmount"}},{"kind":"Field","name":{"kind":"Name","value":"toCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fxRate"}},{"kind":"Field","name":{"kind":"Name","value":"fxRateSource"}}]}}]}}]} as unknown as DocumentNode<ExchangeCurrencyMutation, ExchangeCurrencyMutationVariables>;
export const AddPayeeDocument = {"__meta__":{"hash":"sha256:da13721d4661669842ad006e17402dbb1c31ff44c191808385f9b6b1da12ac34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddPayee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddPayeeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPayee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}}]}}]}}]} as unknown as DocumentNode<AddPayeeMutation, AddPayeeMutationVariables>;
export const BankStatementDocument = {"__meta__":{"hash":"sha256:d528b96518c5e61b84ab21accf330d7585d27044ff936736988a5d21ad8ebbcd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BankStatement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"openingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"closingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"totalDebits"}},{"kind":"Field","name":{"kind":"Name","value":"totalCredits"}},{"kind":"Field","name":{"kind":"Name","value":"postings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counterparty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"bank"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BankStatementQuery, BankStatementQueryVariables>;
export const LedgerPostingsDocument = {"__meta__":{"hash":"sha256:5ee31b9b16d062f5a86ddfaf0eeb2bf90bec280f00d8a8cf64355115eaa16edf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LedgerPostings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PostingFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ledgerPostings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"postedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counterparty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"debits"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}}]}}]}}]} as unknown as DocumentNode<LedgerPostingsQuery, LedgerPostingsQueryVariables>;
export const TransferReceivedDocument = {"__meta__":{"hash":"sha256:7528cb3ef6bde854a0e8d6ec178d4c4c024b912c8b7754ee69d7aff4b5584edf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TransferReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maskedNumber"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}}]}}]}}]} as unknown as DocumentNode<TransferReceivedSubscription, TransferReceivedSubscriptionVariables>;
export const ChainNetworkDocument = {"__meta__":{"hash":"sha256:d829dfc5c32a3c4c48f9af02bb861b00e89d8a69e4fa096ef3f5df6923cdeba4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChainNetwork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chainNetwork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chainId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currencySymbol"}},{"kind":"Field","name":{"kind":"Name","value":"latestBlock"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationsRequired"}}]}}]}}]} as unknown as DocumentNode<ChainNetworkQuery, ChainNetworkQueryVariables>;
export const MyWalletsDocument = {"__meta__":{"hash":"sha256:f763ba7de510dde85897a3342ce2f1edd58d9a795ef9dbdfa837861de8cf26d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkedAddresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"chainId"}},{"kind":"Field","name":{"kind":"Name","value":"linkedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MyWalletsQuery, MyWalletsQueryVariables>;
export const CreateWalletDocument = {"__meta__":{"hash":"sha256:fe56681383445a13bf00a2ff210b2ea1c7cec4bb22b74109ada34257382c2a9a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWallet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWalletInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWallet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mnemonic"}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWalletMutation, CreateWalletMutationVariables>;
export const SignMessageDocument = {"__meta__":{"hash":"sha256:d790f1ffd89eca074a34dda51d13bd4afd63c44e03ba4effad43c108e813b9c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"walletId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]} as unknown as DocumentNode<SignMessageMutation, SignMessageMutationVariables>;
export const VerifyMessageSignatureDocument = {"__meta__":{"hash":"sha256:82a78477a83e4faeff12667dc98cf1144a12a9e9f21f734fae8e68ce1576df75"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyMessageSignature"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"address"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyMessageSignature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"address"},"value":{"kind":"Variable","name":{"kind":"Name","value":"address"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"recoveredAddress"}}]}}]}}]} as unknown as DocumentNode<VerifyMessageSignatureQuery, VerifyMessageSignatureQueryVariables>;
export const CreateSiweChallengeDocument = {"__meta__":{"hash":"sha256:67ca494504ebd63ed223a6156960f948f0af06d3fd471aedd16a8482007e2876"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSiweChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"address"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSiweChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"address"},"value":{"kind":"Variable","name":{"kind":"Name","value":"address"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<CreateSiweChallengeMutation, CreateSiweChallengeMutationVariables>;
export const LinkAddressDocument = {"__meta__":{"hash":"sha256:72636a77aecc86eb6dc8ada5c8b6cbb2b8d673a211e9812ee7edc0595cba5a7a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signature"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}},{"kind":"Argument","name":{"kind":"Name","value":"signature"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signature"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"chainId"}},{"kind":"Field","name":{"kind":"Name","value":"linkedAt"}}]}}]}}]} as unknown as DocumentNode<LinkAddressMutation, LinkAddressMutationVariables>;
export const EstimateTransferDocument = {"__meta__":{"hash":"sha256:d8b1437cab9c8967ddb860d826729cbabc2c0423ecfe33207a652b11bf7b7e4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EstimateTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimateTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gasLimit"}},{"kind":"Field","name":{"kind":"Name","value":"maxFeePerGas"}},{"kind":"Field","name":{"kind":"Name","value":"maxPriorityFeePerGas"}},{"kind":"Field","name":{"kind":"Name","value":"maxCost"}}]}}]}}]} as unknown as DocumentNode<EstimateTransferQuery, EstimateTransferQueryVariables>;
export const SendTransferDocument = {"__meta__":{"hash":"sha256:a6f6f59c73061d1887e253fcbb9645009c4edb2f70fd8259c183c0b50006f3c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]} as unknown as DocumentNode<SendTransferMutation, SendTransferMutationVariables>;
export const SpeedUpTransactionDocument = {"__meta__":{"hash":"sha256:0359556146e11006abad84dbc067aaf920bbee5ba5d3378d19c6f4f1c67028b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpeedUpTransaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SpeedUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"speedUpTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"maxFeePerGas"}}]}}]}}]} as unknown as DocumentNode<SpeedUpTransactionMutation, SpeedUpTransactionMutationVariables>;
export const CancelTransactionDocument = {"__meta__":{"hash":"sha256:b4b09e0fcfd7d8d3aee920b2d3f305d4c48362bd9b8e9b27b98ef5d59b055bc6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelTransaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"transactionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"transactionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"transactionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}}]}}]}}]} as unknown as DocumentNode<CancelTransactionMutation, CancelTransactionMutationVariables>;
export const TransactionUpdatedDocument = {"__meta__":{"hash":"sha256:a3529304efa37ddfbfdfe1f9c1169dca114d69f1ef7352bfa018e419cb3cef5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TransactionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"walletId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"}},{"kind":"Field","name":{"kind":"Name","value":"blockNumber"}},{"kind":"Field","name":{"kind":"Name","value":"revertReason"}},{"kind":"Field","name":{"kind":"Name","value":"replacedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TransactionUpdatedSubscription, TransactionUpdatedSubscriptionVariables>;
export const DeployContractDocument = {"__meta__":{"hash":"sha256:667d3fc584899cca160568bbe69dea9b91127fb4732e2ac804c6631c8f278fb9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeployContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployContractInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"deployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DeployContractMutation, DeployContractMutationVariables>;
export const CallContractDocument = {"__meta__":{"hash":"sha256:6a443f6013d4cc9d2fadde0b33946c41be0c3f3bcd2dbfdea052cb581e2aa719"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContractCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<CallContractQuery, CallContractQueryVariables>;
export const WriteContractDocument = {"__meta__":{"hash":"sha256:e609b9b040ea2e323cbe9a6fbb11c8dd0223fc0c35d04a2964088e50138dd7f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WriteContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContractWriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WriteContractMutation, WriteContractMutationVariables>;
export const ContractEventsDocument = {"__meta__":{"hash":"sha256:42012c567ce82e5330390c66ebc7f86278ee022bd4a31ba11d9171b89cff6431"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ContractEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"eventName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventName"}},{"kind":"Field","name":{"kind":"Name","value":"args"}},{"kind":"Field","name":{"kind":"Name","value":"blockNumber"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}},{"kind":"Field","name":{"kind":"Name","value":"logIndex"}}]}}]}}]}}]} as unknown as DocumentNode<ContractEventsQuery, ContractEventsQueryVariables>;
export const LiveContractEventsDocument = {"__meta__":{"hash":"sha256:ad18c99d0a2398d96e57ab4ee2daf4cc3e47f6341535ace259d1e3096bbbb636"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveContractEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contractEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contractId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contractId"}}},{"kind":"Argument","name":{"kind":"Name","value":"eventName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventName"}},{"kind":"Field","name":{"kind":"Name","value":"args"}},{"kind":"Field","name":{"kind":"Name","value":"blockNumber"}},{"kind":"Field","name":{"kind":"Name","value":"transactionHash"}}]}}]}}]} as unknown as DocumentNode<LiveContractEventsSubscription, LiveContractEventsSubscriptionVariables>;
export const ChatRoomsDocument = {"__meta__":{"hash":"sha256:691dc34475128b4f83348039e571dec1b47480c1c56bb6a12db924ecf2bfb1b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatRooms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chatRooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ChatRoomsQuery, ChatRoomsQueryVariables>;
export const RoomHistoryDocument = {"__meta__":{"hash":"sha256:7fa782244d16237f64a29193495bddef9b3aded5a75fec0d6128d1942ab9b32d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoomHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"reactedByViewer"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoomHistoryQuery, RoomHistoryQueryVariables>;
export const CreateRoomDocument = {"__meta__":{"hash":"sha256:ef405a050aa607ae5d6d6bf7029ca8e1e1d68f548fc98e727f266018df15aa6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoomInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]} as unknown as DocumentNode<CreateRoomMutation, CreateRoomMutationVariables>;
export const JoinRoomDocument = {"__meta__":{"hash":"sha256:6f4086da539e29e2c3f2a8b94741ce0abc16b0acbf9b2f842c2612003cbde071"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinRoom"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]} as unknown as DocumentNode<JoinRoomMutation, JoinRoomMutationVariables>;
export const SendMessageDocument = {"__meta__":{"hash":"sha256:9873936ca2c3ca91a689fa74e30230e3eed4da3c5640985a90b4e9e5cfd34822"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const MarkRoomReadDocument = {"__meta__":{"hash":"sha256:afc10cb5d56ea0c099e7c65326675cf01db0f826de3f693b7c933bfda03536e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkRoomRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upToMessageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markRoomRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"upToMessageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upToMessageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<MarkRoomReadMutation, MarkRoomReadMutationVariables>;
export const MessageEventsDocument = {"__meta__":{"hash":"sha256:1b17f88985d46706c014a93decbac9ceb98ce02ddb386ebd3510ed5b77cac18f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MessageEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageEdited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageDeleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}}]}}]}}]} as unknown as DocumentNode<MessageEventsSubscription, MessageEventsSubscriptionVariables>;
export const TypingDocument = {"__meta__":{"hash":"sha256:f7469b9cacfde85a21db2b7554693a493f424590a8b8e52cde2d7fbe9de6c9a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Typing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"typing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isTyping"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<TypingSubscription, TypingSubscriptionVariables>;
export const MyNotesDocument = {"__meta__":{"hash":"sha256:4b3209d4ba03d44ef4ef56f1f19f884582881f4b6179a7662b099295f15026f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyNotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NoteFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NoteOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"highlight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"length"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyNotesQuery, MyNotesQueryVariables>;
export const NoteDocument = {"__meta__":{"hash":"sha256:7a993d73971318784a07a1818197f3b1588aee04c7e09b5667a446c766716df9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Note"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"note"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<NoteQuery, NoteQueryVariables>;
export const CreateNoteDocument = {"__meta__":{"hash":"sha256:68f04d449b4be503db16f72e18f5a0601e5743c1a492052dab1b92519768b2a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<CreateNoteMutation, CreateNoteMutationVariables>;
export const UpdateNoteDocument = {"__meta__":{"hash":"sha256:cec5e65d4de895c68eaf9c8db6bf550c2351460653adc47dbca6f045318f63e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateNoteMutation, UpdateNoteMutationVariables>;
export const DeleteNoteDocument = {"__meta__":{"hash":"sha256:f1b48523c798c955b8892139198183f53e5571220cbb9ca0a66474cd25ab83e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteNoteMutation, DeleteNoteMutationVariables>;
export const PinNoteDocument = {"__meta__":{"hash":"sha256:fe5dd2f7471c709c7a6854307f973a367f12cd7ca5bd5368f2f65e15076ce5b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PinNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pinNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}}]}}]}}]} as unknown as DocumentNode<PinNoteMutation, PinNoteMutationVariables>;
export const InstrumentDocument = {"__meta__":{"hash":"sha256:b178dad883d0ce6f17cebae24800e08b3b3e39692ef743484c96579225aec720"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Instrument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"60"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"priceDecimals"}},{"kind":"Field","name":{"kind":"Name","value":"quote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"dayVolume"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"M1"}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"M1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sma20"}},{"kind":"Field","name":{"kind":"Name","value":"ema20"}},{"kind":"Field","name":{"kind":"Name","value":"rsi14"}},{"kind":"Field","name":{"kind":"Name","value":"vwap"}},{"kind":"Field","name":{"kind":"Name","value":"macd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"macd"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bollinger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upper"}},{"kind":"Field","name":{"kind":"Name","value":"middle"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstrumentQuery, InstrumentQueryVariables>;
export const ForecastDocument = {"__meta__":{"hash":"sha256:0b5e019e6db0e27fb1e2cde783074ef0f82fcda13c5defa01344b98143c69cbb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Forecast"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"horizon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backtest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mae"}},{"kind":"Field","name":{"kind":"Name","value":"baselineMae"}},{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclaimer"}}]}}]}}]}}]} as unknown as DocumentNode<ForecastQuery, ForecastQueryVariables>;
export const MyWatchlistsDocument = {"__meta__":{"hash":"sha256:3d05cf21d1fd59f84d104b4efb09198c8c3647ca04bc87f1aa2708c33ae6c84e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWatchlists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"watchlists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyWatchlistsQuery, MyWatchlistsQueryVariables>;
export const CreateWatchlistDocument = {"__meta__":{"hash":"sha256:734286b3ca8dde6b7f003bb51dd6b0e8c64edd7191f860f5dd7c51fc98c9058e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWatchlist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWatchlistInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWatchlist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWatchlistMutation, CreateWatchlistMutationVariables>;
export const CreatePriceAlertDocument = {"__meta__":{"hash":"sha256:1850f22d11b7f0371a8b71e6a4558325c6c43b7ee82a364dbf70cff1f669cc68"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePriceAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePriceAlertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPriceAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"windowMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreatePriceAlertMutation, CreatePriceAlertMutationVariables>;
export const QuotesDocument = {"__meta__":{"hash":"sha256:9f9d8cd7f2ec7b8aec80d485ba07e481a912139ccf99cba4d732e06463e029dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Quotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"bid"}},{"kind":"Field","name":{"kind":"Name","value":"ask"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"dayVolume"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<QuotesSubscription, QuotesSubscriptionVariables>;
export const PriceAlertTriggeredDocument = {"__meta__":{"hash":"sha256:714a040313c4391752b59200f3621ec1a658b049cd7cd1f80c531085a401a947"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PriceAlertTriggered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceAlertTriggered"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}}]}}]} as unknown as DocumentNode<PriceAlertTriggeredSubscription, PriceAlertTriggeredSubscriptionVariables>;
export const MyTodosDocument = {"__meta__":{"hash":"sha256:5e10976457d18c525ece9bdb8482df3cf44a8a7a2219df2352146c8019b367af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTodos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TodoFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TodoOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"todos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTodosQuery, MyTodosQueryVariables>;
export const CreateTodoDocument = {"__meta__":{"hash":"sha256:2f74bafc0d1edf44dd8dc78c1de918adfe4d2837777ae5be27b15f0063c59216"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTodoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<CreateTodoMutation, CreateTodoMutationVariables>;
export const UpdateTodoDocument = {"__meta__":{"hash":"sha256:30a8f4662810d0cda6008583cc806a30b991514fa11b6f9a5b564088f9abc7e0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTodoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}}]}}]}}]} as unknown as DocumentNode<UpdateTodoMutation, UpdateTodoMutationVariables>;
export const CompleteTodoDocument = {"__meta__":{"hash":"sha256:aae208367bd60ae8482e8da6e0ee2e31062254737939929e8737465c0d0e776d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]} as unknown as DocumentNode<CompleteTodoMutation, CompleteTodoMutationVariables>;
export const ReopenTodoDocument = {"__meta__":{"hash":"sha256:1e097aa5daa220ccef982baaab5a96d270ba2c85556856dfb0e247541ac99d02"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}}]}}]} as unknown as DocumentNode<ReopenTodoMutation, ReopenTodoMutationVariables>;
export const DeleteTodoDocument = {"__meta__":{"hash":"sha256:509d011e27c3804e867a020f891469868331f08cccc127bddc2553e191d01032"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteTodoMutation, DeleteTodoMutationVariables>;
export const MoveTodoDocument = {"__meta__":{"hash":"sha256:7e2b8a9b88f7c686305a71d6b784cc995b03a53ff30a3bc553343da0ae1d72f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"beforeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"beforeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"beforeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<MoveTodoMutation, MoveTodoMutationVariables>;