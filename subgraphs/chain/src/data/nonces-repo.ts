import { and, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { nonces } from './tables';

/**
 * Locks the sender's nonce row for the rest of the surrounding transaction and returns the next
 * nonce; the first use of an address starts from what the network reports (`fromNetwork`).
 */
export async function lockNextNonce(tx: Db, chainId: number, address: string, now: Date, fromNetwork: () => Promise<bigint>): Promise<bigint> {
  const read = () =>
    tx
      .select({ nextNonce: nonces.nextNonce })
      .from(nonces)
      .where(and(eq(nonces.chainId, chainId), eq(nonces.address, address)))
      .for('update');
  let [row] = await read();
  if (!row) {
    await tx.insert(nonces).values({ chainId, address, nextNonce: await fromNetwork(), updatedAt: now }).onConflictDoNothing();
    [row] = await read();
  }
  return row!.nextNonce;
}

export async function setNextNonce(tx: Db, chainId: number, address: string, nextNonce: bigint, now: Date): Promise<void> {
  await tx.update(nonces).set({ nextNonce, updatedAt: now }).where(and(eq(nonces.chainId, chainId), eq(nonces.address, address)));
}
