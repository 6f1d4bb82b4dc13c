import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Abi } from 'viem';
import { COMPILER_WORKER } from './compiler-worker';

export interface CompiledContract {
  name: string;
  abi: Abi;
  bytecode: `0x${string}`;
}

export interface CompileResult {
  contracts: CompiledContract[];
  /** solc's formatted messages; `errors` non-empty means nothing compiled. */
  errors: string[];
  warnings: string[];
  compilerVersion: string;
}

interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  formattedMessage: string;
}

interface SolcOutput {
  errors?: SolcMessage[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

/** The EVM the devnet runs (Cancun) and what current mainnets accept. */
const SETTINGS = { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } };
const CACHE_LIMIT = 64;

/**
 * solc-js (the `solc` package, whose compiler ships inside it: nothing is downloaded) in a worker
 * thread, started on first use so services that never compile never load its 9 MB of WebAssembly.
 * Results are cached by source, so deploying the same example twice compiles once.
 */
export class SolidityCompiler {
  private worker: Promise<{ worker: Worker; version: string }> | undefined;
  private readonly waiting = new Map<number, { done: (output: string) => void; fail: (error: Error) => void }>();
  private readonly cache = new Map<string, CompileResult>();
  private nextId = 0;

  async compile(source: string): Promise<CompileResult> {
    const key = createHash('sha256').update(source).digest('hex');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { worker, version } = await this.start();
    const input = JSON.stringify({ language: 'Solidity', sources: { 'Contract.sol': { content: source } }, settings: SETTINGS });
    const id = this.nextId++;
    const raw = await new Promise<string>((done, fail) => {
      this.waiting.set(id, { done, fail });
      worker.postMessage({ id, input });
    });
    const output = JSON.parse(raw) as SolcOutput;
    const messages = output.errors ?? [];
    const result: CompileResult = {
      contracts: Object.entries(output.contracts?.['Contract.sol'] ?? {}).map(([name, artifact]) => ({ name, abi: artifact.abi, bytecode: `0x${artifact.evm.bytecode.object}` as const })),
      errors: messages.filter((m) => m.severity === 'error').map((m) => m.formattedMessage.trim()),
      warnings: messages.filter((m) => m.severity === 'warning').map((m) => m.formattedMessage.trim()),
      compilerVersion: version,
    };
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, result);
    return result;
  }

  private start(): Promise<{ worker: Worker; version: string }> {
    this.worker ??= new Promise((ready, fail) => {
      const require = createRequire(import.meta.url);
      const worker = new Worker(COMPILER_WORKER, {
        eval: true,
        workerData: { solcPath: require.resolve('solc'), openZeppelinDir: dirname(require.resolve('@openzeppelin/contracts/package.json')) },
      });
      worker.unref();
      worker.on('message', (message: { ready?: string; id?: number; output?: string; error?: string }) => {
        if (message.ready) return ready({ worker, version: message.ready });
        const waiter = this.waiting.get(message.id!);
        this.waiting.delete(message.id!);
        if (message.error !== undefined) waiter?.fail(new Error(message.error));
        else waiter?.done(message.output!);
      });
      worker.on('error', (error) => {
        fail(error);
        for (const waiter of this.waiting.values()) waiter.fail(error);
        this.waiting.clear();
        this.worker = undefined;
      });
    });
    return this.worker;
  }

  async close(): Promise<void> {
    const started = this.worker;
    this.worker = undefined;
    if (started) await (await started).worker.terminate();
  }
}
