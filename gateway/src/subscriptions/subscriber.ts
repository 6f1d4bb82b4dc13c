import type { FormattedExecutionResult } from 'graphql';
import type { Viewer } from '@mosaic/kit';
import type { SubscriberSocket } from './subscriber-socket';

/** Close code for a client whose socket cannot keep up (private-use range; graphql-ws clients may retry). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

/** Conflating streams hold events back once this much is waiting in the socket. */
const CONFLATE_ABOVE_BYTES = 64 * 1024;
const DRAIN_CHECK_MS = 20;

export type DeliveryOutcome = 'sent' | 'held' | 'replaced' | 'closed-slow' | 'gone';

export interface DeliveryLimits {
  /** A subscriber whose socket has more than this many bytes unsent is closed (see README). */
  maxBufferedBytes: number;
}

/**
 * One client subscription. graphql-ws iterates `stream`, but events do not pass through it: the
 * group writes each event's shared, pre-serialised payload straight to the socket (cheaper than
 * graphql-ws's per-subscriber pipeline, and still ordered with graphql-ws's own sends). The
 * stream only ends the subscription — with an error result first when `fail` is called.
 */
export class Subscriber {
  readonly stream: AsyncIterableIterator<FormattedExecutionResult>;
  private readonly messagePrefix: string;
  private ended = false;
  private pendingNext: ((result: IteratorResult<FormattedExecutionResult>) => void) | null = null;
  private finalResult: FormattedExecutionResult | null = null;
  private started = false;
  /** Conflating streams: the newest unsent payload per key while the socket is backed up. */
  private readonly pending = new Map<string, string>();
  private drainTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: SubscriberSocket,
    readonly operationId: string,
    readonly viewer: Viewer | null,
    readonly authorization: string | undefined,
    private readonly limits: DeliveryLimits,
    /** Called on the first `next()` — graphql-ws may `return()` before ever iterating. */
    onStart: (subscriber: Subscriber) => void,
    /** Called once when the client completes, the socket closes, or the group ends it. */
    private readonly onEnd: (subscriber: Subscriber) => void,
  ) {
    this.messagePrefix = `{"id":${JSON.stringify(operationId)},"type":"next","payload":`;
    const stream: AsyncIterableIterator<FormattedExecutionResult> = {
      next: () => {
        if (!this.started && !this.ended) {
          this.started = true;
          onStart(this);
        }
        if (this.finalResult) {
          const value = this.finalResult;
          this.finalResult = null;
          return Promise.resolve({ value, done: false });
        }
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.pendingNext = resolve));
      },
      return: () => {
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error) => {
        this.end();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]: () => stream,
    };
    this.stream = stream;
  }

  get isOpen(): boolean {
    return !this.ended && this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Writes one event (its payload already serialised once for the whole group). With a
   * `conflationKey` (a stream whose newer events supersede older ones with the same key), a
   * backed-up socket keeps only the newest payload per key and sends them once it drains, instead
   * of being closed. `held` events go out later; `replaced` means the held one it superseded never will.
   */
  deliver(payloadJson: string, conflationKey?: string): DeliveryOutcome {
    if (!this.isOpen) return 'gone';
    if (conflationKey !== undefined && (this.pending.size > 0 || this.socket.bufferedAmount > CONFLATE_ABOVE_BYTES)) {
      const replaced = this.pending.delete(conflationKey);
      this.pending.set(conflationKey, payloadJson);
      this.drainTimer ??= setInterval(() => this.flushPending(), DRAIN_CHECK_MS);
      return replaced ? 'replaced' : 'held';
    }
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Slow consumer: events were not read fast enough');
      this.end();
      return 'closed-slow';
    }
    this.socket.send(`${this.messagePrefix}${payloadJson}}`);
    return 'sent';
  }

  private flushPending() {
    if (!this.isOpen) return this.stopDraining();
    if (this.socket.bufferedAmount > CONFLATE_ABOVE_BYTES) return;
    for (const payload of this.pending.values()) this.socket.send(`${this.messagePrefix}${payload}}`);
    this.stopDraining();
  }

  private stopDraining() {
    this.pending.clear();
    if (this.drainTimer) clearInterval(this.drainTimer);
    this.drainTimer = null;
  }

  /** Ends the subscription with an error result (graphql-ws then sends `complete`). */
  fail(result: FormattedExecutionResult): void {
    if (this.ended) return;
    this.finalResult = result;
    const resolve = this.pendingNext;
    this.pendingNext = null;
    this.markEnded();
    resolve?.({ value: this.finalResult, done: false });
    if (resolve) this.finalResult = null;
  }

  end(): void {
    if (this.ended) return;
    this.markEnded();
    const resolve = this.pendingNext;
    this.pendingNext = null;
    resolve?.({ value: undefined, done: true });
  }

  private markEnded() {
    this.ended = true;
    this.stopDraining();
    this.onEnd(this);
  }
}
