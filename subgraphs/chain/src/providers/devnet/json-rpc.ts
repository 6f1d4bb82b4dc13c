import type { Block } from '@ethereumjs/block';
import type { TypedTransaction } from '@ethereumjs/tx';
import type { CallRequest, DevChain, LogRecord, MinedTx } from './dev-chain';
import { maxFeeOf, tipOf } from './tx-pool';
import { data, parseAddress, parseData, parseQuantity, quantity } from './hex';
import { invalidParams, methodNotFound, RpcError } from './rpc-error';

export interface RpcRequest {
  method: string;
  params?: readonly unknown[] | undefined;
}

/** An EIP-1193 provider: what viem's `custom()` transport and the HTTP facade call. */
export interface Eip1193Provider {
  request(request: RpcRequest): Promise<unknown>;
}

type Handler = (chain: DevChain, params: readonly unknown[]) => unknown;

const tagOrNumber = (value: unknown): string | bigint => {
  if (value === undefined || value === null) return 'latest';
  if (typeof value === 'string' && ['latest', 'pending', 'earliest', 'safe', 'finalized'].includes(value)) return value;
  if (typeof value === 'object' && value !== null && 'blockNumber' in value) return parseQuantity((value as { blockNumber: unknown }).blockNumber, 'blockNumber');
  return parseQuantity(value, 'block');
};

function callRequest(value: unknown): CallRequest {
  if (typeof value !== 'object' || value === null) throw new TypeError('the call object is missing');
  const call = value as Record<string, unknown>;
  const input = call.input ?? call.data;
  return {
    ...(call.from ? { from: parseAddress(call.from, 'from') } : {}),
    ...(call.to ? { to: parseAddress(call.to, 'to') } : {}),
    ...(input ? { data: parseData(input, 'input') } : {}),
    ...(call.value ? { value: parseQuantity(call.value, 'value') } : {}),
    ...(call.gas ? { gas: parseQuantity(call.gas, 'gas') } : {}),
  };
}

function formatTx(tx: TypedTransaction, from: string, mined: MinedTx | null): Record<string, unknown> {
  const json = tx.toJSON() as Record<string, unknown>;
  const typed = tx.type >= 2;
  return {
    hash: data(tx.hash()),
    type: quantity(tx.type),
    chainId: quantity(tx.common.chainId()),
    from,
    to: tx.to ? tx.to.toString().toLowerCase() : null,
    nonce: quantity(tx.nonce),
    gas: quantity(tx.gasLimit),
    value: quantity(tx.value),
    input: data(tx.data),
    ...(typed ? { maxFeePerGas: quantity(maxFeeOf(tx)), maxPriorityFeePerGas: quantity(tipOf(tx)), accessList: json.accessList ?? [] } : {}),
    gasPrice: quantity(mined ? mined.effectiveGasPrice : maxFeeOf(tx)),
    v: quantity(tx.v ?? 0n),
    r: quantity(tx.r ?? 0n),
    s: quantity(tx.s ?? 0n),
    ...(typed ? { yParity: quantity(tx.v ?? 0n) } : {}),
    blockHash: mined?.blockHash ?? null,
    blockNumber: mined ? quantity(mined.blockNumber) : null,
    transactionIndex: mined ? quantity(mined.index) : null,
  };
}

const formatLog = (log: LogRecord) => ({
  address: log.address,
  topics: log.topics,
  data: log.data,
  blockNumber: quantity(log.blockNumber),
  blockHash: log.blockHash,
  transactionHash: log.transactionHash,
  transactionIndex: quantity(log.transactionIndex),
  logIndex: quantity(log.logIndex),
  removed: false,
});

function formatReceipt(mined: MinedTx): Record<string, unknown> {
  return {
    transactionHash: mined.hash,
    transactionIndex: quantity(mined.index),
    blockHash: mined.blockHash,
    blockNumber: quantity(mined.blockNumber),
    from: mined.from,
    to: mined.tx.to ? mined.tx.to.toString().toLowerCase() : null,
    cumulativeGasUsed: quantity(mined.cumulativeGasUsed),
    gasUsed: quantity(mined.gasUsed),
    effectiveGasPrice: quantity(mined.effectiveGasPrice),
    contractAddress: mined.contractAddress,
    logs: mined.logs.map(formatLog),
    logsBloom: mined.logsBloom,
    status: quantity(mined.status),
    type: quantity(mined.tx.type),
  };
}

function formatBlock(chain: DevChain, block: Block, full: boolean): Record<string, unknown> {
  const header = block.header.toJSON() as Record<string, string | undefined>;
  const hashes = chain.txHashesOf(block);
  return {
    number: quantity(block.header.number),
    hash: data(block.hash()),
    parentHash: header.parentHash,
    nonce: header.nonce,
    sha3Uncles: header.uncleHash,
    logsBloom: header.logsBloom,
    transactionsRoot: header.transactionsTrie,
    stateRoot: header.stateRoot,
    receiptsRoot: header.receiptTrie,
    miner: header.coinbase,
    difficulty: '0x0',
    totalDifficulty: '0x0',
    extraData: header.extraData,
    mixHash: header.mixHash,
    size: quantity(block.serialize().length),
    gasLimit: quantity(block.header.gasLimit),
    gasUsed: quantity(block.header.gasUsed),
    timestamp: quantity(block.header.timestamp),
    baseFeePerGas: quantity(block.header.baseFeePerGas ?? 0n),
    withdrawals: [],
    withdrawalsRoot: header.withdrawalsRoot,
    blobGasUsed: quantity(block.header.blobGasUsed ?? 0n),
    excessBlobGas: quantity(block.header.excessBlobGas ?? 0n),
    parentBeaconBlockRoot: header.parentBeaconBlockRoot,
    uncles: [],
    transactions: full ? hashes.map((hash) => { const mined = chain.minedTx(hash)!; return formatTx(mined.tx, mined.from, mined); }) : hashes,
  };
}

function logFilter(chain: DevChain, value: unknown) {
  const filter = (value ?? {}) as Record<string, unknown>;
  const bound = (tag: unknown, fallback: bigint) => (tag === undefined ? fallback : chain.block(tagOrNumber(tag))?.header.number ?? BigInt(Number.MAX_SAFE_INTEGER));
  const head = chain.head.header.number;
  let addresses: string[] | null = null;
  if (filter.address) addresses = (Array.isArray(filter.address) ? filter.address : [filter.address]).map((a) => parseAddress(a, 'address'));
  const topics = ((filter.topics ?? []) as unknown[]).map((t) => (t === null ? null : Array.isArray(t) ? t.map((x) => parseData(x, 'topic')) : parseData(t, 'topic')));
  if (filter.blockHash) {
    const block = chain.blockByHash(parseData(filter.blockHash, 'blockHash'));
    if (!block) throw new RpcError(-32000, 'unknown block');
    return { fromBlock: block.header.number, toBlock: block.header.number, addresses, topics };
  }
  return { fromBlock: bound(filter.fromBlock, head), toBlock: bound(filter.toBlock, head), addresses, topics };
}

const handlers: Record<string, Handler> = {
  web3_clientVersion: () => 'mosaic-devnet/ethereumjs-vm-10',
  net_version: (chain) => String(chain.chainId),
  net_listening: () => true,
  eth_chainId: (chain) => quantity(chain.chainId),
  eth_syncing: () => false,
  eth_accounts: () => [],
  eth_blockNumber: (chain) => quantity(chain.head.header.number),
  eth_gasPrice: (chain) => quantity(chain.nextBaseFee() + 1_000_000_000n),
  eth_maxPriorityFeePerGas: () => quantity(1_000_000_000n),
  eth_feeHistory: (chain, [count, newest]) => {
    const last = chain.block(tagOrNumber(newest)) ?? chain.head;
    const n = Math.min(Number(parseQuantity(count, 'blockCount')), Number(last.header.number) + 1);
    const blocks = Array.from({ length: n }, (_, i) => chain.block(last.header.number - BigInt(n - 1 - i))!);
    return {
      oldestBlock: quantity(blocks[0]!.header.number),
      baseFeePerGas: [...blocks.map((b) => quantity(b.header.baseFeePerGas ?? 0n)), quantity(last.header.calcNextBaseFee())],
      gasUsedRatio: blocks.map((b) => Number(b.header.gasUsed) / Number(b.header.gasLimit)),
      reward: blocks.map(() => [quantity(1_000_000_000n)]),
    };
  },
  eth_getBalance: async (chain, [address, tag]) => quantity(await balanceAt(chain, parseAddress(address, 'address'), tag)),
  eth_getTransactionCount: async (chain, [address, tag]) => quantity(await chain.nonce(parseAddress(address, 'address'), typeof tag === 'string' ? tag : 'latest')),
  eth_getCode: (chain, [address]) => chain.code(parseAddress(address, 'address')),
  eth_getBlockByNumber: (chain, [tag, full]) => {
    const block = chain.block(tagOrNumber(tag));
    return block ? formatBlock(chain, block, full === true) : null;
  },
  eth_getBlockByHash: (chain, [hash, full]) => {
    const block = chain.blockByHash(parseData(hash, 'hash'));
    return block ? formatBlock(chain, block, full === true) : null;
  },
  eth_sendRawTransaction: (chain, [raw]) => chain.sendRawTransaction(parseData(raw, 'data')),
  eth_getTransactionByHash: (chain, [hash]) => {
    const key = parseData(hash, 'hash');
    const mined = chain.minedTx(key);
    if (mined) return formatTx(mined.tx, mined.from, mined);
    const pending = chain.pendingTx(key);
    return pending ? formatTx(pending.tx, pending.from, null) : null;
  },
  eth_getTransactionReceipt: (chain, [hash]) => {
    const mined = chain.minedTx(parseData(hash, 'hash'));
    return mined ? formatReceipt(mined) : null;
  },
  eth_call: async (chain, [call, tag]) => (await chain.call(callRequest(call), tagOrNumber(tag))).returnValue,
  eth_estimateGas: async (chain, [call]) => quantity(await chain.estimateGas(callRequest(call))),
  eth_getLogs: (chain, [filter]) => chain.logs(logFilter(chain, filter)).map(formatLog),
  evm_mine: async (chain) => {
    await chain.mine();
    return '0x0';
  },
  anvil_mine: async (chain, [count]) => {
    for (let i = 0n; i < (count ? parseQuantity(count, 'count') : 1n); i++) await chain.mine();
    return null;
  },
  evm_setAutomine: (chain, [on]) => {
    chain.setMining(on ? { mode: 'auto' } : { mode: 'manual' });
    return true;
  },
  evm_setIntervalMining: (chain, [ms]) => {
    chain.setMining(Number(ms) > 0 ? { mode: 'interval', ms: Number(ms) } : { mode: 'manual' });
    return true;
  },
  anvil_dropTransaction: (chain, [hash]) => {
    chain.dropPending(parseData(hash, 'hash'));
    return null;
  },
  anvil_setBalance: async (chain, [address, balance]) => {
    await chain.setBalance(parseAddress(address, 'address'), parseQuantity(balance, 'balance'));
    return null;
  },
};

async function balanceAt(chain: DevChain, address: string, tag: unknown): Promise<bigint> {
  const at = tagOrNumber(tag);
  if (at === 'latest' || at === 'pending' || chain.block(at) === chain.head) return chain.balance(address);
  // Historical balances are not kept: answer like a pruned node.
  throw new RpcError(-32000, 'missing trie node (historical state is not kept by the development network)');
}

/** The standard Ethereum JSON-RPC methods (and anvil/Hardhat's test controls) over a DevChain. */
export function devChainProvider(chain: DevChain): Eip1193Provider {
  return {
    async request({ method, params = [] }) {
      const handler = handlers[method];
      if (!handler) throw methodNotFound(method);
      try {
        return await handler(chain, params);
      } catch (error) {
        if (error instanceof TypeError) throw invalidParams(`invalid argument: ${error.message}`);
        throw error;
      }
    },
  };
}
