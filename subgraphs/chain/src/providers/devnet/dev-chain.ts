import { createBlock, type Block } from '@ethereumjs/block';
import { createBlockchain } from '@ethereumjs/blockchain';
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common';
import { Capability, createFeeMarket1559Tx, createTxFromRLP, type TypedTransaction } from '@ethereumjs/tx';
import { createAccount, createAddressFromString, createZeroAddress } from '@ethereumjs/util';
import { buildBlock, createVM, type RunTxResult, type VM } from '@ethereumjs/vm';
import { bytesOf, data } from './hex';
import { executionReverted, rejected } from './rpc-error';
import { maxFeeOf, tipOf, TxPool, type PendingTx } from './tx-pool';

export interface DevAccount {
  address: string;
  balance: bigint;
}

/**
 * `auto`: every accepted transaction is mined at once (anvil's and Hardhat's default);
 * `interval`: a block every `ms` (pending transactions wait, so they can be replaced);
 * `manual`: only `evm_mine` makes blocks (tests).
 */
export type MiningMode = { mode: 'auto' } | { mode: 'manual' } | { mode: 'interval'; ms: number };

export interface DevChainOptions {
  chainId: number;
  accounts: readonly DevAccount[];
  mining: MiningMode;
  blockGasLimit?: bigint;
}

/** A call as `eth_call` / `eth_estimateGas` receive it, decoded. */
export interface CallRequest {
  from?: string;
  to?: string;
  data?: string;
  value?: bigint;
  gas?: bigint;
}

export interface LogRecord {
  address: string;
  topics: string[];
  data: string;
  blockNumber: bigint;
  blockHash: string;
  transactionHash: string;
  transactionIndex: number;
  logIndex: number;
}

export interface MinedTx {
  tx: TypedTransaction;
  hash: string;
  from: string;
  blockNumber: bigint;
  blockHash: string;
  index: number;
  status: 0 | 1;
  gasUsed: bigint;
  cumulativeGasUsed: bigint;
  effectiveGasPrice: bigint;
  contractAddress: string | null;
  logs: LogRecord[];
  logsBloom: string;
}


/** Every fork up to Cancun active from block 0 (what anvil and Hardhat do), none after it. */
const CANCUN_FROM_GENESIS = Mainnet.hardforks
  .slice(0, Mainnet.hardforks.findIndex((fork) => fork.name === 'cancun') + 1)
  .filter((fork) => fork.name !== 'mergeNetsplitBlock')
  .map((fork) => (fork.timestamp === undefined ? { name: fork.name, block: 0 } : { name: fork.name, block: null, timestamp: 0 }));

const INITIAL_BASE_FEE = 1_000_000_000n;

/**
 * An Ethereum development network in this process: the Ethereum Foundation's EVM
 * (@ethereumjs/vm) with a transaction pool, blocks, receipts and logs kept in memory, and funded
 * accounts at genesis. It is what `pnpm start` uses so the chain domain works with no network;
 * `json-rpc.ts` speaks the standard JSON-RPC methods over it. State is lost on restart (like
 * anvil or Hardhat's network without a state file).
 */
export class DevChain {
  private readonly blocks: Block[] = [];
  private readonly mined = new Map<string, MinedTx>();
  private readonly pending = new TxPool();
  private readonly blockTxHashes = new Map<string, string[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly vm: VM,
    readonly chainId: number,
    private mining: MiningMode,
    readonly blockGasLimit: bigint,
  ) {}

  static async create(options: DevChainOptions): Promise<DevChain> {
    const common = createCustomCommon({ chainId: options.chainId, name: `devnet-${options.chainId}`, hardforks: CANCUN_FROM_GENESIS }, Mainnet, { hardfork: Hardfork.Cancun });
    const blockGasLimit = options.blockGasLimit ?? 30_000_000n;
    const genesis = createBlock(
      { header: { number: 0n, gasLimit: blockGasLimit, baseFeePerGas: INITIAL_BASE_FEE, timestamp: BigInt(Math.floor(Date.now() / 1000)), difficulty: 0n } },
      { common, setHardfork: false },
    );
    const blockchain = await createBlockchain({ common, genesisBlock: genesis, validateBlocks: false, validateConsensus: false });
    const vm = await createVM({ common, blockchain });
    for (const account of options.accounts) {
      await vm.stateManager.putAccount(createAddressFromString(account.address), createAccount({ balance: account.balance }));
    }
    const chain = new DevChain(vm, options.chainId, options.mining, blockGasLimit);
    chain.blocks.push(genesis);
    chain.blockTxHashes.set(data(genesis.hash()), []);
    chain.setMining(options.mining);
    return chain;
  }

  /** Runs state-touching work one at a time: the EVM's state manager is not re-entrant. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  setMining(mining: MiningMode): void {
    this.mining = mining;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (mining.mode === 'interval') {
      this.timer = setInterval(() => void this.mine().catch(() => undefined), mining.ms);
      this.timer.unref();
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get head(): Block {
    return this.blocks.at(-1)!;
  }

  block(tag: string | bigint): Block | undefined {
    if (tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized') return this.head;
    if (tag === 'earliest') return this.blocks[0];
    return this.blocks[Number(tag)];
  }

  blockByHash(hash: string): Block | undefined {
    return this.blocks.find((block) => data(block.hash()) === hash.toLowerCase());
  }

  txHashesOf(block: Block): string[] {
    return this.blockTxHashes.get(data(block.hash())) ?? [];
  }

  minedTx(hash: string): MinedTx | undefined {
    return this.mined.get(hash.toLowerCase());
  }

  pendingTx(hash: string): PendingTx | undefined {
    return this.pending.get(hash);
  }

  async balance(address: string): Promise<bigint> {
    return (await this.vm.stateManager.getAccount(createAddressFromString(address)))?.balance ?? 0n;
  }

  async code(address: string): Promise<string> {
    return data(await this.vm.stateManager.getCode(createAddressFromString(address)));
  }

  /** The next nonce: mined state, or mined state plus this sender's consecutive pending transactions. */
  async nonce(address: string, tag: string): Promise<bigint> {
    const confirmed = (await this.vm.stateManager.getAccount(createAddressFromString(address)))?.nonce ?? 0n;
    return tag === 'pending' ? this.pending.nextNonce(address.toLowerCase(), confirmed) : confirmed;
  }

  nextBaseFee(): bigint {
    return this.head.header.calcNextBaseFee();
  }

  /** Validates and pools a signed transaction (geth's rules and messages); mines it at once in `auto` mode. */
  sendRawTransaction(raw: string): Promise<string> {
    return this.serial(async () => {
      let tx: TypedTransaction;
      try {
        tx = createTxFromRLP(bytesOf(raw), { common: this.vm.common });
      } catch (error) {
        const message = (error as Error).message;
        // ethereumjs refuses a typed transaction signed for another chain while decoding it.
        throw rejected(/chain ?id/i.test(message) ? 'invalid chain id for signer' : `rlp: ${message.split('\n')[0]}`);
      }
      if (!tx.isSigned() || !tx.verifySignature()) throw rejected('invalid sender');
      if (!tx.supports(Capability.EIP155ReplayProtection) && tx.type === 0 && !('chainId' in tx)) throw rejected('only replay-protected (EIP-155) transactions allowed over RPC');
      const signedFor = 'chainId' in tx ? (tx as { chainId: bigint }).chainId : tx.common.chainId();
      if (signedFor !== BigInt(this.chainId)) throw rejected('invalid chain id for signer');
      const hash = data(tx.hash());
      if (this.pending.has(hash) || this.mined.has(hash)) throw rejected('already known');
      const from = tx.getSenderAddress().toString().toLowerCase();
      const account = await this.vm.stateManager.getAccount(tx.getSenderAddress());
      if (tx.nonce < (account?.nonce ?? 0n)) throw rejected(`nonce too low: next nonce ${account?.nonce ?? 0n}, tx nonce ${tx.nonce}`);
      if (tx.gasLimit < tx.getIntrinsicGas()) throw rejected(`intrinsic gas too low: gas ${tx.gasLimit}, minimum needed ${tx.getIntrinsicGas()}`);
      if (tx.gasLimit > this.blockGasLimit) throw rejected('exceeds block gas limit');
      const cost = tx.gasLimit * maxFeeOf(tx) + tx.value;
      if ((account?.balance ?? 0n) < cost) throw rejected(`insufficient funds for gas * price + value: balance ${account?.balance ?? 0n}, tx cost ${cost}`);
      if (maxFeeOf(tx) < this.head.header.baseFeePerGas! / 2n) throw rejected('transaction underpriced');
      this.pending.add(tx, hash, from);
      if (this.mining.mode === 'auto') await this.mineNow();
      return hash;
    });
  }

  /** Mines one block with every executable pending transaction (`evm_mine`). */
  mine(): Promise<Block> {
    return this.serial(() => this.mineNow());
  }

  private async mineNow(): Promise<Block> {
    const parent = this.head;
    const baseFee = parent.header.calcNextBaseFee();
    const timestamp = BigInt(Math.max(Number(parent.header.timestamp) + 1, Math.floor(Date.now() / 1000)));
    const builder = await buildBlock(this.vm, {
      parentBlock: parent,
      headerData: { number: parent.header.number + 1n, timestamp, gasLimit: this.blockGasLimit, baseFeePerGas: baseFee, coinbase: createZeroAddress() },
      blockOpts: { calcDifficultyFromHeader: parent.header, putBlockIntoBlockchain: true },
    });
    const included: { pending: PendingTx; result: RunTxResult }[] = [];
    const nonceOf = async (sender: string) => (await this.vm.stateManager.getAccount(createAddressFromString(sender)))?.nonce ?? 0n;
    for (const pending of await this.pending.executable(baseFee, nonceOf)) {
      if (builder.gasUsed + pending.tx.gasLimit > this.blockGasLimit) break;
      try {
        included.push({ pending, result: await builder.addTransaction(pending.tx, { skipHardForkValidation: true }) });
      } catch {
        // No longer valid (e.g. its sender's balance went to an earlier transaction): dropped, like a node's pool does.
      }
      this.pending.delete(pending.hash);
    }
    const { block } = await builder.build();
    const blockHash = data(block.hash());
    let cumulativeGasUsed = 0n;
    let logIndex = 0;
    this.blockTxHashes.set(
      blockHash,
      included.map(({ pending, result }, index) => {
        cumulativeGasUsed += result.totalGasSpent;
        const logs = (result.execResult.logs ?? []).map(([address, topics, payload]) => ({
          address: data(address),
          topics: topics.map(data),
          data: data(payload),
          blockNumber: block.header.number,
          blockHash,
          transactionHash: pending.hash,
          transactionIndex: index,
          logIndex: logIndex++,
        }));
        this.mined.set(pending.hash, {
          tx: pending.tx,
          hash: pending.hash,
          from: pending.from,
          blockNumber: block.header.number,
          blockHash,
          index,
          status: result.execResult.exceptionError ? 0 : 1,
          gasUsed: result.totalGasSpent,
          cumulativeGasUsed,
          effectiveGasPrice: effectivePriceOf(pending.tx, baseFee),
          contractAddress: result.createdAddress ? result.createdAddress.toString().toLowerCase() : null,
          logs,
          logsBloom: data(result.bloom.bitvector),
        });
        return pending.hash;
      }),
    );
    this.blocks.push(block);
    return block;
  }

  /** Runs a call against the state after `blockTag` without keeping any change. */
  call(request: CallRequest, blockTag: string | bigint = 'latest'): Promise<{ returnValue: string; gasUsed: bigint }> {
    return this.serial(() => this.callNow(request, blockTag));
  }

  private async callNow(request: CallRequest, blockTag: string | bigint): Promise<{ returnValue: string; gasUsed: bigint }> {
    const block = this.block(blockTag);
    if (!block) throw rejected('header not found');
    const vm = await this.vm.shallowCopy();
    if (block !== this.head) await vm.stateManager.setStateRoot(block.header.stateRoot);
    const caller = createAddressFromString(request.from ?? '0x0000000000000000000000000000000000000000');
    const result = await vm.evm.runCall({
      caller,
      origin: caller,
      ...(request.to ? { to: createAddressFromString(request.to) } : {}),
      data: bytesOf(request.data ?? '0x'),
      value: request.value ?? 0n,
      gasLimit: request.gas ?? this.blockGasLimit,
      skipBalance: true,
      block,
    });
    const returnValue = data(result.execResult.returnValue);
    if (result.execResult.exceptionError) {
      const error = result.execResult.exceptionError.error;
      if (error === 'revert') throw executionReverted(returnValue, revertReason(returnValue));
      throw rejected(error === 'out of gas' ? 'out of gas' : `execution failed: ${error}`);
    }
    return { returnValue, gasUsed: result.execResult.executionGasUsed };
  }

  /**
   * The gas a transaction needs: intrinsic gas plus execution, searched upwards from the measured
   * use so refunds and the 63/64 rule for nested calls are covered (what geth's binary search does).
   */
  estimateGas(request: CallRequest): Promise<bigint> {
    return this.serial(async () => {
      const intrinsic = createFeeMarket1559Tx(
        { ...(request.to ? { to: request.to as `0x${string}` } : {}), data: bytesOf(request.data ?? '0x'), value: request.value ?? 0n },
        { common: this.vm.common },
      ).getIntrinsicGas();
      const measured = await this.callNow({ ...request, gas: this.blockGasLimit - intrinsic }, 'latest');
      let low = intrinsic + measured.gasUsed;
      for (let tries = 0; tries < 20; tries++) {
        try {
          await this.callNow({ ...request, gas: low - intrinsic }, 'latest');
          return low;
        } catch {
          low = low + low / 8n + 1n;
          if (low > this.blockGasLimit) break;
        }
      }
      throw rejected('gas required exceeds allowance');
    });
  }

  logs(filter: { fromBlock: bigint; toBlock: bigint; addresses: string[] | null; topics: (string | string[] | null)[] }): LogRecord[] {
    const out: LogRecord[] = [];
    for (let number = filter.fromBlock; number <= filter.toBlock && number < BigInt(this.blocks.length); number++) {
      for (const hash of this.txHashesOf(this.blocks[Number(number)]!)) {
        for (const log of this.mined.get(hash)!.logs) {
          if (filter.addresses && !filter.addresses.includes(log.address)) continue;
          const matches = filter.topics.every((wanted, i) => wanted === null || (Array.isArray(wanted) ? wanted.includes(log.topics[i]!) : wanted === log.topics[i]));
          if (matches) out.push(log);
        }
      }
    }
    return out;
  }

  /** Forgets a pending transaction (anvil_dropTransaction): what a node restart does to its pool. */
  dropPending(hash: string): boolean {
    return this.pending.delete(hash);
  }

  /** Sets an account's balance (anvil_setBalance / hardhat_setBalance): for tests and demos only. */
  setBalance(address: string, balance: bigint): Promise<void> {
    return this.serial(async () => {
      const at = createAddressFromString(address);
      const account = (await this.vm.stateManager.getAccount(at)) ?? createAccount({});
      account.balance = balance;
      await this.vm.stateManager.putAccount(at, account);
    });
  }
}

function effectivePriceOf(tx: TypedTransaction, baseFee: bigint): bigint {
  const max = maxFeeOf(tx);
  const tipped = baseFee + tipOf(tx);
  return tipped < max ? tipped : max;
}

/** Solidity's `Error(string)`: selector 0x08c379a0 then the ABI-encoded string. */
function revertReason(returnValue: string): string | undefined {
  if (!returnValue.startsWith('0x08c379a0') || returnValue.length < 138) return undefined;
  const length = Number(BigInt(`0x${returnValue.slice(74, 138)}`));
  return Buffer.from(returnValue.slice(138, 138 + length * 2), 'hex').toString('utf8');
}

