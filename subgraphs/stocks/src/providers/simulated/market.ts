import { SeededRandom } from './random';
import type { SimulationProfile } from './profiles';
import type { Trade } from '../../domain/market/trade';
import { alwaysOpen, type TradingSession } from '../../domain/market/trading-session';

export interface SimulationOptions {
  seed: string | number;
  session?: TradingSession;
  /** Chance that a symbol trades at a step (the rest of the time it is quiet). */
  tradeProbability?: number;
  /** Half the bid/ask spread, in basis points of the price (at least one minor unit). */
  halfSpreadBps?: number;
  /** Chance that a session opens with a jump on top of the ordinary overnight move. */
  gapProbability?: number;
  /** Standard deviation of such a jump, as a fraction (0.03 = 3%). */
  gapSize?: number;
}

/** Trading time per year the volatility is quoted against: 252 sessions of 6.5 hours. */
const TRADING_MS_PER_YEAR = 252 * 6.5 * 3_600_000;
/** Calendar time per year, for the overnight (closed) part of the move. */
const CALENDAR_MS_PER_YEAR = 365 * 86_400_000;
/** While closed, news still arrives, but prices move less than in session: this share of the volatility. */
const OVERNIGHT_VOLATILITY_SHARE = 0.5;

interface SymbolState {
  profile: SimulationProfile;
  random: SeededRandom;
  /** Continuous price in minor units; trades print it rounded. */
  price: number;
  lastAt: number;
}

/**
 * A reproducible simulated market: per-symbol geometric Brownian motion
 * S(t+dt) = S(t)·exp((μ − σ²/2)·dt + σ·√dt·Z), in trading time, only while the session is open.
 * When a session opens after a close, the first move adds the overnight move (calendar time, at
 * half the volatility) and, occasionally, an opening gap. Each symbol draws from its own seeded
 * stream, so the same seed and the same step times give the same trades, and adding a symbol does
 * not change the others' paths.
 */
export class SimulatedMarket {
  private readonly states = new Map<string, SymbolState>();
  private readonly session: TradingSession;
  private readonly tradeProbability: number;
  private readonly halfSpreadBps: number;
  private readonly gapProbability: number;
  private readonly gapSize: number;

  constructor(
    profiles: readonly SimulationProfile[],
    private readonly options: SimulationOptions & { startAt: number; startPrices?: ReadonlyMap<string, number> },
  ) {
    this.session = options.session ?? alwaysOpen;
    this.tradeProbability = options.tradeProbability ?? 0.9;
    this.halfSpreadBps = options.halfSpreadBps ?? 2;
    this.gapProbability = options.gapProbability ?? 0.1;
    this.gapSize = options.gapSize ?? 0.03;
    for (const profile of profiles) this.add(profile);
  }

  get symbols(): string[] {
    return [...this.states.keys()];
  }

  add(profile: SimulationProfile): void {
    if (this.states.has(profile.symbol)) return;
    this.states.set(profile.symbol, {
      profile,
      random: new SeededRandom(`${this.options.seed}:${profile.symbol}`),
      price: this.options.startPrices?.get(profile.symbol) ?? profile.startPrice,
      lastAt: this.options.startAt,
    });
  }

  priceOf(symbol: string): number | undefined {
    const state = this.states.get(symbol);
    return state && Math.max(1, Math.round(state.price));
  }

  /** One step of the market at `at` (later than the previous step): the trades it prints. */
  advanceTo(at: number): Trade[] {
    if (!this.session.isOpen(at)) return [];
    const trades: Trade[] = [];
    for (const state of this.states.values()) {
      const trade = this.step(state, at);
      if (trade) trades.push(trade);
    }
    return trades;
  }

  private step(state: SymbolState, at: number): Trade | null {
    const { random, profile } = state;
    // The same draws at every step, traded or not (plus fixed extra draws at a session's first trade),
    // so a path depends only on the seed and the step times.
    const chance = random.next();
    const shock = random.normal();
    const size = random.next();
    if (at <= state.lastAt || chance >= this.tradeProbability) return null;

    const sessionOpen = this.session.sessionOpen(at);
    let logReturn: number;
    if (state.lastAt < sessionOpen) {
      logReturn = this.overnightMove(state, sessionOpen, shock) + this.gbmMove(profile, at - sessionOpen, random.normal());
    } else {
      logReturn = this.gbmMove(profile, at - state.lastAt, shock);
    }
    state.price = Math.max(1, state.price * Math.exp(logReturn));
    state.lastAt = at;

    const price = Math.max(1, Math.round(state.price));
    const halfSpread = Math.max(1, Math.round((price * this.halfSpreadBps) / 10_000));
    return {
      symbol: profile.symbol,
      price,
      volume: profile.lotSize * (1 + Math.floor(size * 10)),
      at,
      bid: Math.max(1, price - halfSpread),
      ask: price + halfSpread,
    };
  }

  private gbmMove(profile: SimulationProfile, elapsedMs: number, z: number): number {
    const dt = elapsedMs / TRADING_MS_PER_YEAR;
    return (profile.drift - profile.volatility ** 2 / 2) * dt + profile.volatility * Math.sqrt(dt) * z;
  }

  /** From the last trade before the close to this session's open: a calmer random walk, plus the occasional gap. */
  private overnightMove(state: SymbolState, sessionOpen: number, z: number): number {
    const { random, profile } = state;
    const sigma = profile.volatility * OVERNIGHT_VOLATILITY_SHARE;
    const dt = Math.max(0, sessionOpen - state.lastAt) / CALENDAR_MS_PER_YEAR;
    const gapDraw = random.next();
    const gapDirection = random.next() < 0.5 ? -1 : 1;
    const gapMagnitude = Math.abs(random.normal()) * this.gapSize;
    const gap = gapDraw < this.gapProbability ? gapDirection * gapMagnitude : 0;
    return -(sigma ** 2 / 2) * dt + sigma * Math.sqrt(dt) * z + gap;
  }
}
