import { topicStream } from '@mosaic/kit';
import type { Abi } from 'viem';
import type { Context } from '../../context';
import { badInput } from '../chain-errors';
import { contractLogTopic, decodeLog, type DecodedEvent, type LogEvent } from './contract-events';
import { findOwnContract } from './contracts';

/** `contractEvents`: the contract's logs as blocks include them, decoded with its ABI. */
export async function contractEventStream(ctx: Pick<Context, 'auth' | 'loaders' | 'pubsub'>, contractId: string, eventName: string | null | undefined): Promise<AsyncIterableIterator<DecodedEvent>> {
  ctx.auth.require('chain:read');
  const contract = await findOwnContract(ctx, contractId);
  if (!contract) throw badInput('INVALID_ARGUMENTS', 'You have no contract with this id.', 'contractId');
  const abi = contract.abi as Abi;
  const stream = await topicStream<LogEvent>(ctx.pubsub, contractLogTopic(contract.chainId, contract.address), {
    filter: (log) => {
      const decoded = decodeLog(contract.id, abi, log);
      return decoded !== null && (!eventName || decoded.eventName === eventName);
    },
  });
  return mapStream(stream, (log) => decodeLog(contract.id, abi, log)!);
}

async function* mapStream<A, B>(source: AsyncIterableIterator<A>, map: (value: A) => B): AsyncIterableIterator<B> {
  try {
    for await (const value of source) yield map(value);
  } finally {
    await source.return?.();
  }
}
