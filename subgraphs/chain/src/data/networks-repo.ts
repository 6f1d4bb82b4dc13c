import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { logCursors, networks, nonces, transactions, wallets } from './tables';

/** Whether this genesis is the one last seen for the chain id ('new' the first time); records it. */
export async function recordGenesis(db: Db, chainId: number, genesisHash: string, now: Date): Promise<'new' | 'same' | 'reset'> {
  const [seen] = await db.select().from(networks).where(eq(networks.chainId, chainId));
  if (seen?.genesisHash === genesisHash) return 'same';
  await db.insert(networks).values({ chainId, genesisHash, seenAt: now }).onConflictDoUpdate({ target: networks.chainId, set: { genesisHash, seenAt: now } });
  return seen ? 'reset' : 'new';
}

/**
 * After a reset: what was still open on the old network failed with it, and nonces and the log
 * cursor start again from what the new network says. History (CONFIRMED) is kept.
 */
export async function settleAfterReset(db: Db, chainId: number, reason: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const failed = await tx
      .update(transactions)
      .set({ status: 'FAILED', revertReason: reason, updatedAt: now })
      .where(and(eq(transactions.chainId, chainId), inArray(transactions.status, ['PENDING', 'MINED'])))
      .returning({ id: transactions.id });
    await tx.delete(nonces).where(eq(nonces.chainId, chainId));
    await tx.delete(logCursors).where(eq(logCursors.chainId, chainId));
    return failed.length;
  });
}

/** Every HD wallet's address (for the development faucet to top up after a reset). */
export async function hdWalletAddresses(db: Db, limit: number): Promise<string[]> {
  return (await db.selectDistinct({ address: wallets.address }).from(wallets).where(eq(wallets.kind, 'HD')).limit(limit)).map((r) => r.address);
}
