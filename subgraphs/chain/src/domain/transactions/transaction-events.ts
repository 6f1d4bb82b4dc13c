import type { TransactionRow } from '../../data/tables';

/** Pub/sub topic of one address's transaction changes (sender and recipient both hear them). */
export const transactionTopic = (chainId: number, address: string) => `chain.tx.${chainId}.${address}`;

/** A transaction row as it travels through pub/sub (JSON): bigints as strings, dates as ISO strings. */
export type TransactionEvent = Record<keyof TransactionRow, string | number | null>;

const BIGINT_COLUMNS = ['nonce', 'blockNumber'] as const;
const DATE_COLUMNS = ['createdAt', 'updatedAt'] as const;

export function toTransactionEvent(row: TransactionRow): TransactionEvent {
  const event: Record<string, unknown> = { ...row };
  for (const column of BIGINT_COLUMNS) event[column] = row[column] === null ? null : String(row[column]);
  for (const column of DATE_COLUMNS) event[column] = row[column].toISOString();
  return event as TransactionEvent;
}

export function fromTransactionEvent(event: TransactionEvent): TransactionRow {
  const row: Record<string, unknown> = { ...event };
  for (const column of BIGINT_COLUMNS) row[column] = event[column] === null ? null : BigInt(event[column]!);
  for (const column of DATE_COLUMNS) row[column] = new Date(event[column] as string);
  return row as TransactionRow;
}

export interface Publisher {
  publish(topic: string, payload: unknown): Promise<void>;
}

/** Tells the sender's and the recipient's subscribers. */
export async function publishTransaction(pubsub: Publisher, row: TransactionRow): Promise<void> {
  const event = toTransactionEvent(row);
  const parties = new Set([row.fromAddress, row.toAddress].filter((a): a is string => a !== null));
  await Promise.all([...parties].map((address) => pubsub.publish(transactionTopic(row.chainId, address), event)));
}
