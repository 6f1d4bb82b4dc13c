import { topicStream } from '@mosaic/kit';
import type { Context } from '../../context';
import { walletAddressesOf } from '../../data/wallets-repo';
import { badInput } from '../chain-errors';
import { findOwnWallet } from '../wallets';
import { transactionTopic, type TransactionEvent } from './transaction-events';

/**
 * `transactionUpdated`: changes of transactions from or to the viewer's wallets (the ones they
 * hold when subscribing), or one wallet's. Private to the viewer (no share key).
 */
export async function transactionStream(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'pubsub' | 'chain'>, walletId: string | null): Promise<AsyncIterableIterator<TransactionEvent>> {
  const viewer = ctx.auth.require('chain:read');
  let addresses: string[];
  if (walletId) {
    const wallet = await findOwnWallet(ctx, walletId);
    if (!wallet) throw badInput('INVALID_ARGUMENTS', 'You have no wallet with this id.', 'walletId');
    addresses = [wallet.address];
  } else {
    addresses = await walletAddressesOf(ctx.db, viewer.userId);
  }
  const chainId = ctx.chain.network.chainId;
  return topicStream<TransactionEvent>(ctx.pubsub, addresses.map((address) => transactionTopic(chainId, address)), { bufferLimit: 1_000 });
}
