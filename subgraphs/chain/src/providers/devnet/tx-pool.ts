import type { TypedTransaction } from '@ethereumjs/tx';
import { rejected } from './rpc-error';

export interface PendingTx {
  tx: TypedTransaction;
  hash: string;
  from: string;
  arrived: number;
}

/** geth's replacement rule: both fee caps at least 10 % above the pending transaction's. */
const REPLACEMENT_BUMP_PERCENT = 10n;

export const maxFeeOf = (tx: TypedTransaction): bigint => ('maxFeePerGas' in tx ? (tx.maxFeePerGas as bigint) : (tx as unknown as { gasPrice: bigint }).gasPrice);
export const tipOf = (tx: TypedTransaction): bigint => ('maxPriorityFeePerGas' in tx ? (tx.maxPriorityFeePerGas as bigint) : (tx as unknown as { gasPrice: bigint }).gasPrice);

/**
 * The development network's transaction pool: one transaction per (sender, nonce), replaced only
 * by one paying 10 % more on both fee caps; mined per sender in nonce order from the account's
 * nonce (a gap waits), highest tip first across senders.
 */
export class TxPool {
  private readonly byHash = new Map<string, PendingTx>();
  private arrivals = 0;

  get(hash: string): PendingTx | undefined {
    return this.byHash.get(hash.toLowerCase());
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  delete(hash: string): boolean {
    return this.byHash.delete(hash.toLowerCase());
  }

  /** Adds the transaction, replacing the sender's one with the same nonce if it pays enough more. */
  add(tx: TypedTransaction, hash: string, from: string): void {
    const rival = [...this.byHash.values()].find((p) => p.from === from && p.tx.nonce === tx.nonce);
    if (rival) {
      const bump = (fee: bigint) => fee + (fee * REPLACEMENT_BUMP_PERCENT) / 100n;
      if (maxFeeOf(tx) < bump(maxFeeOf(rival.tx)) || tipOf(tx) < bump(tipOf(rival.tx))) throw rejected('replacement transaction underpriced');
      this.byHash.delete(rival.hash);
    }
    this.byHash.set(hash, { tx, hash, from, arrived: this.arrivals++ });
  }

  /** The sender's next nonce counting its consecutive pending transactions after `confirmed`. */
  nextNonce(from: string, confirmed: bigint): bigint {
    const nonces = new Set([...this.byHash.values()].filter((p) => p.from === from).map((p) => p.tx.nonce));
    let next = confirmed;
    while (nonces.has(next)) next += 1n;
    return next;
  }

  /** What a block can include now, in order; `nonceOf` is each sender's account nonce. */
  async executable(baseFee: bigint, nonceOf: (sender: string) => Promise<bigint>): Promise<PendingTx[]> {
    const bySender = new Map<string, PendingTx[]>();
    for (const pending of this.byHash.values()) {
      if (maxFeeOf(pending.tx) < baseFee) continue;
      bySender.set(pending.from, [...(bySender.get(pending.from) ?? []), pending]);
    }
    const ready: PendingTx[] = [];
    for (const [sender, txs] of bySender) {
      let next = await nonceOf(sender);
      const byNonce = new Map(txs.map((p) => [p.tx.nonce, p]));
      while (byNonce.has(next)) ready.push(byNonce.get(next++)!);
    }
    return ready.sort((a, b) => (a.from === b.from ? Number(a.tx.nonce - b.tx.nonce) : Number(tipOf(b.tx) - tipOf(a.tx)) || a.arrived - b.arrived));
  }
}
