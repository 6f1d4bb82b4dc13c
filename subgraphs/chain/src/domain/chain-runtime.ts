import { createEnvelopeCipher, loadFieldKeys, type Db, type EnvelopeCipher, type Logger, type PubSub } from '@mosaic/kit';
import type { ChainSettings } from '../env';
import { createNetwork } from '../providers/create-network';
import type { ChainNetwork } from '../providers/network';
import { SolidityCompiler } from './contracts/compiler';
import { reconcileNetwork } from './network-reset';
import { ContractEventWatcher } from './contracts/contract-events';
import { TransactionSender } from './transactions/transaction-sender';
import { TransactionTracker } from './transactions/transaction-tracker';

export interface ChainRuntimeDeps {
  db: Db;
  pubsub: PubSub;
  now: () => Date;
  log: Logger;
  /** A network to use instead of the configured one (tests share one development network between replicas). */
  network?: ChainNetwork;
}

/**
 * What the chain domain keeps beyond a request: the network, the key-encryption keys, the
 * compiler, the nonce-managed sender and the background rounds that follow transactions and
 * contract events (every CHAIN_POLL_INTERVAL_MS, never two at once).
 */
export class ChainRuntime {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;

  private constructor(
    readonly network: ChainNetwork,
    /** Seals wallet seeds under the key-encryption keys (CHAIN_KEY_ENCRYPTION_KEYS). */
    readonly envelope: EnvelopeCipher,
    readonly compiler: SolidityCompiler,
    readonly sender: TransactionSender,
    private readonly tracker: TransactionTracker,
    private readonly events: ContractEventWatcher,
    private readonly log: Logger,
    private readonly ownsNetwork: boolean,
  ) {}

  static async start(deps: ChainRuntimeDeps, settings: ChainSettings): Promise<ChainRuntime> {
    const envelope = createEnvelopeCipher(loadFieldKeys(settings.keyEncryptionKeys));
    const network = deps.network ?? (await createNetwork(settings.network));
    const shared = { db: deps.db, network, pubsub: deps.pubsub, now: deps.now, log: deps.log };
    const runtime = new ChainRuntime(
      network,
      envelope,
      new SolidityCompiler(),
      new TransactionSender(shared),
      new TransactionTracker({ ...shared, confirmations: settings.confirmations }),
      new ContractEventWatcher(shared),
      deps.log,
      !deps.network,
    );
    await reconcileNetwork({ ...shared, sender: runtime.sender });
    if (network.kind === 'DEVNET' && settings.production) {
      deps.log.warn('chain runs the in-process development network in production: each replica has a chain of its own and its state is lost on restart; set CHAIN_RPC_URL');
    }
    runtime.timer = setInterval(() => void runtime.tick(), settings.pollIntervalMs);
    runtime.timer.unref();
    return runtime;
  }

  /** One round of tracking transactions and publishing contract events; joins a round already running. */
  tick(): Promise<void> {
    this.round ??= (async () => {
      try {
        await this.tracker.tick();
        await this.events.tick();
      } catch (error) {
        this.log.warn({ err: error }, 'chain tracking round failed; retrying next round');
      } finally {
        this.round = null;
      }
    })();
    return this.round;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
    await this.compiler.close();
    if (this.ownsNetwork) await this.network.close();
  }
}
