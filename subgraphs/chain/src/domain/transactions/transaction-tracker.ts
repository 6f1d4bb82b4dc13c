import type { Db, Logger } from '@mosaic/kit';
import { BaseError, TransactionReceiptNotFoundError, type Abi, type Hex, type TransactionReceipt } from 'viem';
import { findAbiAt } from '../../data/contracts-repo';
import type { TransactionRow, TransactionStatus } from '../../data/tables';
import { findByNonce, findOpenTransactions, updateTransactionIf } from '../../data/transactions-repo';
import type { ChainNetwork } from '../../providers/network';
import { describeRevert } from '../chain-errors';
import { publishTransaction, type Publisher } from './transaction-events';

const BATCH = 500;

export interface TrackerDeps {
  db: Db;
  network: ChainNetwork;
  pubsub: Publisher;
  now: () => Date;
  log: Logger;
  confirmations: number;
}

/**
 * Follows every open transaction (PENDING, MINED) to its end: MINED once in a block, CONFIRMED
 * after `confirmations` blocks, FAILED when it reverted (reason decoded by replaying it), REPLACED
 * when another transaction took its nonce. State lives in PostgreSQL, so a restart (or another
 * replica) picks up where it stopped; a transaction the network forgot (a node restart) is
 * rebroadcast from its stored signed bytes. Every change is a compare-and-set, so with several
 * replicas each change is stored and announced once.
 */
export class TransactionTracker {
  constructor(private readonly deps: TrackerDeps) {}

  async tick(): Promise<void> {
    const { db, network } = this.deps;
    const open = await findOpenTransactions(db, network.chainId, BATCH);
    if (open.length === 0) return;
    const head = await network.client.getBlockNumber({ cacheTime: 0 });
    for (const row of open) {
      try {
        await this.follow(row, head);
      } catch (error) {
        this.deps.log.warn({ err: error, transaction: row.id }, 'could not check a transaction; retrying next round');
      }
    }
  }

  private async follow(row: TransactionRow, head: bigint): Promise<void> {
    const receipt = await this.receipt(row.hash as Hex);
    if (receipt) return this.mined(row, receipt, head);
    const { client } = this.deps.network;
    const minedNonce = BigInt(await client.getTransactionCount({ address: row.fromAddress as Hex, blockTag: 'latest' }));
    if (minedNonce > row.nonce) return this.replaced(row);
    // Still waiting: make sure the network still has it (a restarted node or a dropped pool entry).
    const known = await client.getTransaction({ hash: row.hash as Hex }).catch(() => null);
    if (!known) await client.sendRawTransaction({ serializedTransaction: row.raw as Hex }).catch(() => undefined);
  }

  private async receipt(hash: Hex): Promise<TransactionReceipt | null> {
    try {
      return await this.deps.network.client.getTransactionReceipt({ hash });
    } catch (error) {
      if (error instanceof BaseError && error.walk((e) => e instanceof TransactionReceiptNotFoundError)) return null;
      throw error;
    }
  }

  private async mined(row: TransactionRow, receipt: TransactionReceipt, head: bigint): Promise<void> {
    const confirmations = Number(head - receipt.blockNumber + 1n);
    const succeeded = receipt.status === 'success';
    const status: TransactionStatus = !succeeded ? 'FAILED' : confirmations >= this.deps.confirmations ? 'CONFIRMED' : 'MINED';
    if (status === row.status && confirmations === row.confirmations && receipt.blockHash === row.blockHash) return;
    const revertReason = succeeded || row.revertReason ? row.revertReason : await this.revertReason(row, receipt.blockNumber);
    await this.change(row, {
      status,
      confirmations,
      blockNumber: receipt.blockNumber,
      blockHash: receipt.blockHash,
      gasUsed: String(receipt.gasUsed),
      effectiveGasPrice: String(receipt.effectiveGasPrice),
      revertReason,
    });
  }

  /** The nonce was used by another transaction: one of ours (a speed-up or cancel) or a foreign one. */
  private async replaced(row: TransactionRow): Promise<void> {
    const siblings = await findByNonce(this.deps.db, row.chainId, row.fromAddress, row.nonce);
    let winner: TransactionRow | undefined;
    for (const sibling of siblings) {
      if (sibling.id !== row.id && (await this.receipt(sibling.hash as Hex))) winner = sibling;
    }
    await this.change(row, { status: 'REPLACED', replacedById: winner?.id ?? null });
  }

  /**
   * Replays the reverted transaction with eth_call against its block (standard JSON-RPC has no
   * revert data in receipts) and decodes what it returns with the contract's ABI.
   */
  private async revertReason(row: TransactionRow, blockNumber: bigint): Promise<string> {
    const abi = row.toAddress ? ((await findAbiAt(this.deps.db, row.chainId, row.toAddress)) as Abi | null) ?? undefined : undefined;
    try {
      const { client } = this.deps.network;
      const transaction = await client.getTransaction({ hash: row.hash as Hex });
      await client.call({ account: row.fromAddress as Hex, to: transaction.to, data: transaction.input, value: transaction.value, gas: transaction.gas, blockNumber });
      return 'reverted (the replay succeeded: the revert depended on the transactions before it in its block)';
    } catch (error) {
      if (!(error instanceof BaseError)) return 'reverted';
      return describeRevert(error, abi) ?? 'reverted';
    }
  }

  private async change(row: TransactionRow, changes: Partial<TransactionRow>): Promise<void> {
    const updated = await updateTransactionIf(this.deps.db, row, { ...changes, updatedAt: this.deps.now() });
    if (updated) await publishTransaction(this.deps.pubsub, updated);
  }
}
