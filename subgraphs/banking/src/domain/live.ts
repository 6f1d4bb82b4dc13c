import { topicStream, type DeliveredEvent, type PubSub } from '@mosaic/kit';
import type { Context } from '../context';
import type { BankAccountRow, TransferRow } from '../data/tables';
import type { bankingEvents } from '../events';

/** What travels through pub/sub to a receiver's stream: ids only; the resolver loads the rest. */
export interface TransferReceivedPayload {
  eventId: string;
  transferId: string;
  accountId: string;
}

export const receivedTopic = (userId: string) => `banking.user.${userId}.received`;

/**
 * The relay's consumer for live streams: each committed transfer.posted goes to its receiver's
 * topic (every replica's subscribers). At least once: a stream drops a copy it has seen.
 */
export function fanOutReceived(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof bankingEvents, 'transfer.posted'>): Promise<void> => {
    const { toOwnerId, transferId, toAccountId } = event.payload;
    if (toOwnerId) await pubsub.publish(receivedTopic(toOwnerId), { eventId: event.id, transferId, accountId: toAccountId } satisfies TransferReceivedPayload);
  };
}

/** The caller's own stream (private: no share key — each user sees only their own transfers). */
export async function openTransferReceived(ctx: Pick<Context, 'auth' | 'pubsub'>): Promise<AsyncIterableIterator<TransferReceivedPayload>> {
  const viewer = ctx.auth.require('banking:read');
  const seen = new Set<string>();
  return topicStream<TransferReceivedPayload>(ctx.pubsub, receivedTopic(viewer.userId), {
    bufferLimit: 1_000,
    filter: (payload) => {
      if (seen.has(payload.eventId)) return false;
      seen.add(payload.eventId);
      if (seen.size > 1_000) seen.delete(seen.values().next().value!);
      return true;
    },
  });
}

export async function resolveTransferReceived(ctx: Pick<Context, 'loaders'>, payload: TransferReceivedPayload): Promise<{ transfer: TransferRow; account: BankAccountRow | null }> {
  const [transfer, account] = await Promise.all([ctx.loaders.transferById.load(payload.transferId), ctx.loaders.accountById.load(payload.accountId)]);
  if (!transfer) throw new Error(`Transfer ${payload.transferId} of a delivered event is missing.`);
  return { transfer, account };
}
