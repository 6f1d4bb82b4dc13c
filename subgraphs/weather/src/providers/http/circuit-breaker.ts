import { ProviderError } from '../weather-provider';

export interface BreakerSettings {
  /** Consecutive failed calls (after retries) that open the circuit. */
  failures: number;
  /** How long it stays open before one trial call may pass. */
  cooldownMs: number;
}

/**
 * Stops calling a provider that keeps failing: after `failures` failed calls in a row every call
 * fails at once (`circuit-open`) for `cooldownMs`; then one trial call goes through — success
 * closes the circuit, failure opens it again. Refusals (4xx) do not count: the provider is up.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil = 0;
  private trialRunning = false;

  constructor(
    private readonly settings: BreakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.consecutiveFailures < this.settings.failures) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  async call<T>(run: () => Promise<T>, label: string): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialRunning)) {
      throw new ProviderError('circuit-open', `${label}: not called for ${Math.ceil((this.openUntil - this.now()) / 1000)} s after ${this.consecutiveFailures} failures in a row`);
    }
    const trial = state === 'half-open';
    if (trial) this.trialRunning = true;
    try {
      const result = await run();
      this.consecutiveFailures = 0;
      return result;
    } catch (error) {
      if (!(error instanceof ProviderError) || error.failure !== 'refused') {
        this.consecutiveFailures++;
        if (this.consecutiveFailures >= this.settings.failures) this.openUntil = this.now() + this.settings.cooldownMs;
      }
      throw error;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }
}
