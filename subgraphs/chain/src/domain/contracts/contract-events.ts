import type { Db, Logger } from '@mosaic/kit';
import { decodeEventLog, type Abi, type Hex } from 'viem';
import { watchedAddresses } from '../../data/contracts-repo';
import { advanceLogCursor, readLogCursor } from '../../data/log-cursors-repo';
import type { ChainNetwork } from '../../providers/network';
import type { Publisher } from '../transactions/transaction-events';
import { toJsonValue } from './abi-json';

/** Pub/sub topic of one contract address's logs. */
export const contractLogTopic = (chainId: number, address: string) => `chain.logs.${chainId}.${address}`;

/** A log as it travels through pub/sub. */
export interface LogEvent {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber: string;
  transactionHash: string;
  logIndex: number;
}

export interface DecodedEvent {
  contractId: string;
  eventName: string;
  args: unknown;
  blockNumber: string;
  transactionHash: string;
  logIndex: number;
}

/** The log decoded with the contract's ABI; null for an event the ABI does not describe. */
export function decodeLog(contractId: string, abi: Abi, log: LogEvent): DecodedEvent | null {
  try {
    const decoded = decodeEventLog({ abi, data: log.data, topics: log.topics as [Hex, ...Hex[]] });
    return { contractId, eventName: decoded.eventName ?? 'unknown', args: toJsonValue(decoded.args ?? {}), blockNumber: log.blockNumber, transactionHash: log.transactionHash, logIndex: log.logIndex };
  } catch {
    return null;
  }
}

/** At most this many blocks per read, so a long pause does not become one huge eth_getLogs. */
const MAX_RANGE = 1_000n;

/**
 * Reads new logs of every followed contract and publishes them for `contractEvents`. Replicas
 * share one cursor per chain and advance it by compare-and-set: each range is published by the
 * replica that moved the cursor, once.
 */
export class ContractEventWatcher {
  constructor(private readonly deps: { db: Db; network: ChainNetwork; pubsub: Publisher; now: () => Date; log: Logger }) {}

  async tick(): Promise<void> {
    const { db, network, now } = this.deps;
    const head = await network.client.getBlockNumber({ cacheTime: 0 });
    const from = await readLogCursor(db, network.chainId, head, now());
    if (head <= from) return;
    const to = head - from > MAX_RANGE ? from + MAX_RANGE : head;
    const addresses = await watchedAddresses(db, network.chainId);
    const logs = addresses.length ? await network.client.getLogs({ address: addresses as Hex[], fromBlock: from + 1n, toBlock: to }) : [];
    if (!(await advanceLogCursor(db, network.chainId, from, to, now()))) return;
    for (const log of logs) {
      const event: LogEvent = {
        address: log.address.toLowerCase(),
        topics: log.topics as Hex[],
        data: log.data,
        blockNumber: String(log.blockNumber),
        transactionHash: log.transactionHash!,
        logIndex: log.logIndex!,
      };
      await this.deps.pubsub.publish(contractLogTopic(network.chainId, event.address), event);
    }
  }
}
