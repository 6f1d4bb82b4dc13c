import { uuidv7, type Db, type Logger } from '@mosaic/kit';
import { BaseError, NonceTooLowError, type Abi, type Address, type Hex, type LocalAccount } from 'viem';
import { lockNextNonce, setNextNonce } from '../../data/nonces-repo';
import type { TransactionKind, TransactionRow } from '../../data/tables';
import { insertTransaction } from '../../data/transactions-repo';
import type { ChainNetwork } from '../../providers/network';
import { badInput, ChainError, isNodeError, toChainError } from '../chain-errors';
import { publishTransaction, type Publisher } from './transaction-events';

/** Ethereum's cheapest transaction (a plain transfer). */
export const MIN_GAS_LIMIT = 21_000n;

export interface OutgoingTransaction {
  account: LocalAccount;
  to: Address | null;
  value: bigint;
  data?: Hex | undefined;
  gasLimit?: bigint | null | undefined;
  maxFeePerGas?: bigint | null | undefined;
  maxPriorityFeePerGas?: bigint | null | undefined;
  /** The contract's ABI, to decode its custom errors when the simulation reverts. */
  abi?: Abi | undefined;
  /** Which input fields errors point at. */
  fields?: { amount?: string; gasLimit?: string; fee?: string; args?: string; functionName?: string };
}

export interface PreparedTransaction {
  gasLimit: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  /** gasLimit × maxFeePerGas + value: what the sender must hold. */
  maxCost: bigint;
}

export interface TransactionRecord {
  kind: TransactionKind;
  ownerId: string | null;
  walletId: string | null;
  tokenAddress?: string | null;
  tokenAmount?: string | null;
  contractId?: string | null;
}

export interface SendOptions {
  /** Reuse this nonce (a replacement) instead of taking the sender's next one. */
  nonce?: bigint;
  /** Runs inside the nonce's database transaction once the network accepted it (e.g. store the deployed contract). */
  afterSend?: (tx: Db, row: TransactionRow) => Promise<void>;
}

/**
 * The nonce is already taken on the network: used (too low), or held by a pending transaction we
 * have no row for (already known / replacement underpriced on a fresh send), e.g. after a crash
 * between broadcasting and committing. Either way the next free nonce is further on.
 */
const isNonceTaken = (error: unknown) =>
  isNodeError(error, NonceTooLowError) || (error instanceof BaseError && /already known|replacement transaction underpriced/i.test(error.details ?? error.message));

/**
 * Prepares, signs and sends transactions with nonces from PostgreSQL. A send holds its sender's
 * nonce row lock (SELECT … FOR UPDATE) from choosing the nonce until the network accepted the
 * transaction and the row is stored, all in one database transaction: replicas sending from the
 * same account queue on the lock, so no nonce is used twice, and a refused send rolls back
 * without consuming its nonce, so none is skipped. If the network already used the nonce (a send
 * from outside Mosaic, or a crash after broadcasting), the manager moves past it to the network's
 * pending count and retries.
 */
export class TransactionSender {
  constructor(
    private readonly deps: { db: Db; network: ChainNetwork; pubsub: Publisher; now: () => Date; log: Logger },
  ) {}

  /** Refuses to go on when the endpoint is not the configured chain (e.g. a URL pointing at another network). */
  async assertChainId(): Promise<void> {
    const { network } = this.deps;
    let reported: number;
    try {
      reported = await network.client.getChainId();
    } catch (error) {
      throw toChainError(error, {});
    }
    if (reported !== network.chainId) {
      throw new ChainError('UNAVAILABLE', 'CHAIN_ID_MISMATCH', `The network endpoint reports chain id ${reported}, but this deployment is configured for ${network.chainId} (CHAIN_ID). Nothing was signed or sent.`);
    }
  }

  /** Gas and fees (estimated unless given), checked against the sender's balance. Signs nothing. */
  async prepare(outgoing: OutgoingTransaction): Promise<PreparedTransaction> {
    const { client } = this.deps.network;
    const fields = outgoing.fields ?? {};
    await this.assertChainId();
    try {
      const block = await client.getBlock({ blockTag: 'latest' });
      if (outgoing.gasLimit != null && (outgoing.gasLimit < MIN_GAS_LIMIT || outgoing.gasLimit > block.gasLimit)) {
        throw badInput('GAS_LIMIT_OUT_OF_RANGE', `The gas limit must be between ${MIN_GAS_LIMIT} and the block gas limit ${block.gasLimit}.`, fields.gasLimit ?? 'input.gasLimit');
      }
      const estimated = outgoing.maxFeePerGas != null && outgoing.maxPriorityFeePerGas != null ? null : await client.estimateFeesPerGas();
      const maxPriorityFeePerGas = outgoing.maxPriorityFeePerGas ?? estimated!.maxPriorityFeePerGas;
      const maxFeePerGas = outgoing.maxFeePerGas ?? (estimated!.maxFeePerGas > maxPriorityFeePerGas ? estimated!.maxFeePerGas : maxPriorityFeePerGas + (block.baseFeePerGas ?? 0n) * 2n);
      if (maxPriorityFeePerGas > maxFeePerGas) {
        throw badInput('FEE_TOO_LOW', 'maxPriorityFeePerGas must not exceed maxFeePerGas.', fields.fee ?? 'input.maxPriorityFeePerGas');
      }
      const call = { account: outgoing.account.address, to: outgoing.to, value: outgoing.value, ...(outgoing.data ? { data: outgoing.data } : {}) };
      let gasLimit: bigint;
      if (outgoing.gasLimit != null) {
        gasLimit = outgoing.gasLimit;
        // A given gas limit skips estimation, not the check that the call would succeed.
        if (outgoing.data) await client.call({ ...call, gas: gasLimit });
      } else {
        gasLimit = await client.estimateGas(call);
      }
      const maxCost = gasLimit * maxFeePerGas + outgoing.value;
      const balance = await client.getBalance({ address: outgoing.account.address });
      if (balance < maxCost) {
        throw badInput('INSUFFICIENT_FUNDS', `The wallet holds ${balance} wei; this transaction may cost up to ${maxCost} wei (value plus gas limit × max fee). Top it up or send less.`, fields.amount ?? 'input.amount', {
          balance: String(balance),
          maxCost: String(maxCost),
        });
      }
      return { gasLimit, maxFeePerGas, maxPriorityFeePerGas, maxCost };
    } catch (error) {
      throw toChainError(error, fields, outgoing.abi);
    }
  }

  /** Prepares (unless given), signs with the next nonce, sends, stores and announces a transaction. */
  async send(outgoing: OutgoingTransaction, record: TransactionRecord, options: SendOptions = {}, prepared?: PreparedTransaction): Promise<TransactionRow> {
    const { db, network, now } = this.deps;
    const ready = prepared ?? (await this.prepare(outgoing));
    const from = outgoing.account.address.toLowerCase();
    const pendingCount = async () => BigInt(await network.client.getTransactionCount({ address: outgoing.account.address, blockTag: 'pending' }));
    const row = await db.transaction(async (tx) => {
      let nonce = options.nonce ?? (await lockNextNonce(tx, network.chainId, from, now(), pendingCount));
      let sent: { hash: Hex; raw: Hex } | undefined;
      for (let attempt = 0; !sent; attempt++) {
        const raw = await outgoing.account.signTransaction({
          type: 'eip1559',
          chainId: network.chainId,
          nonce: Number(nonce),
          to: outgoing.to,
          value: outgoing.value,
          ...(outgoing.data ? { data: outgoing.data } : {}),
          gas: ready.gasLimit,
          maxFeePerGas: ready.maxFeePerGas,
          maxPriorityFeePerGas: ready.maxPriorityFeePerGas,
        });
        try {
          sent = { hash: await network.client.sendRawTransaction({ serializedTransaction: raw }), raw };
        } catch (error) {
          if (options.nonce === undefined && attempt < 3 && isNonceTaken(error)) {
            const onNetwork = await pendingCount();
            this.deps.log.warn({ from, nonce: String(nonce), onNetwork: String(onNetwork) }, 'nonce already used on the network; moving past it');
            nonce = onNetwork > nonce ? onNetwork : nonce + 1n;
            continue;
          }
          throw toChainError(error, outgoing.fields ?? {});
        }
      }
      const at = now();
      const row = await insertTransaction(tx, {
        id: uuidv7(at.getTime()),
        chainId: network.chainId,
        ownerId: record.ownerId,
        walletId: record.walletId,
        kind: record.kind,
        status: 'PENDING',
        hash: sent.hash.toLowerCase(),
        fromAddress: from,
        toAddress: outgoing.to ? outgoing.to.toLowerCase() : null,
        value: String(outgoing.value),
        nonce,
        gasLimit: String(ready.gasLimit),
        maxFeePerGas: String(ready.maxFeePerGas),
        maxPriorityFeePerGas: String(ready.maxPriorityFeePerGas),
        raw: sent.raw,
        blockNumber: null,
        blockHash: null,
        confirmations: 0,
        gasUsed: null,
        effectiveGasPrice: null,
        tokenAddress: record.tokenAddress ?? null,
        tokenAmount: record.tokenAmount ?? null,
        contractId: record.contractId ?? null,
        revertReason: null,
        replacedById: null,
        createdAt: at,
        updatedAt: at,
      });
      if (options.nonce === undefined) await setNextNonce(tx, network.chainId, from, nonce + 1n, at);
      await options.afterSend?.(tx, row);
      return row;
    });
    await publishTransaction(this.deps.pubsub, row).catch((error: unknown) => this.deps.log.warn({ err: error }, 'could not announce a transaction'));
    return row;
  }
}
