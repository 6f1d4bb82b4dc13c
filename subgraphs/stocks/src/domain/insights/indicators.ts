import { BollingerBands, EMA, MACD, RSI, SMA, VWAP } from 'trading-signals';
import { utcDayStart, type CandleInterval } from '../intervals';

/** What indicators read from a candle; prices in minor units. */
export interface IndicatorBar {
  start: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface IndicatorGap {
  indicator: string;
  needed: number;
  available: number;
  message: string;
}

export interface IndicatorValues {
  sma20: number | null;
  ema20: number | null;
  rsi14: number | null;
  macd: { macd: number; signal: number; histogram: number } | null;
  bollinger: { upper: number; middle: number; lower: number } | null;
  vwap: number | null;
  /** One entry per null value, saying why. */
  unavailable: IndicatorGap[];
}

/** Candles indicators are computed from: enough for every indicator, and for EMA/RSI smoothing to settle. */
export const INDICATOR_LOOKBACK = 250;

/** D1 VWAP spans this many days; intraday VWAP is the session's (the latest candle's UTC day). */
const DAILY_VWAP_DAYS = 20;

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Technical indicators over candles (oldest first), computed by the `trading-signals` library:
 * SMA(20), EMA(20), RSI(14, Wilder), MACD(12, 26, 9), Bollinger(20, 2σ) on closes, and VWAP on
 * (high + low + close) / 3 weighted by volume. An indicator without enough candles is null, with
 * an entry in `unavailable` saying how many it needs.
 */
export function computeIndicators(bars: readonly IndicatorBar[], interval: CandleInterval): IndicatorValues {
  const sma = new SMA(20);
  const ema = new EMA(20);
  const rsi = new RSI(14);
  const macd = new MACD(new EMA(12), new EMA(26), new EMA(9));
  const bollinger = new BollingerBands(20, 2);
  for (const bar of bars) {
    sma.add(bar.close);
    ema.add(bar.close);
    rsi.add(bar.close);
    macd.add(bar.close);
    bollinger.add(bar.close);
  }
  const unavailable: IndicatorGap[] = [];
  const available = bars.length;
  function stable<R>(name: string, indicator: { isStable: boolean; getRequiredInputs(): number; getResult(): R | null }): R | null {
    const result = indicator.isStable ? indicator.getResult() : null;
    if (result === null) {
      const needed = indicator.getRequiredInputs();
      unavailable.push({ indicator: name, needed, available, message: `${name} needs ${needed} ${interval} candles; ${available} are stored so far.` });
    }
    return result;
  }
  const macdResult = stable('macd', macd);
  const bands = stable('bollinger', bollinger);
  return {
    sma20: mapNumber(stable('sma20', sma)),
    ema20: mapNumber(stable('ema20', ema)),
    rsi14: mapNumber(stable('rsi14', rsi)),
    macd: macdResult && { macd: round(macdResult.macd), signal: round(macdResult.signal), histogram: round(macdResult.histogram) },
    bollinger: bands && { upper: round(bands.upper), middle: round(bands.middle), lower: round(bands.lower) },
    vwap: sessionVwap(bars, interval, unavailable),
    unavailable,
  };
}

const mapNumber = (value: number | null) => (value === null ? null : round(value));

function sessionVwap(bars: readonly IndicatorBar[], interval: CandleInterval, unavailable: IndicatorGap[]): number | null {
  const last = bars.at(-1);
  const session = !last ? [] : interval === 'D1' ? bars.slice(-DAILY_VWAP_DAYS) : bars.filter((bar) => utcDayStart(bar.start) === utcDayStart(last.start));
  const vwap = new VWAP();
  let volume = 0;
  for (const bar of session) {
    if (bar.volume <= 0) continue;
    vwap.add({ high: bar.high, low: bar.low, close: bar.close, volume: bar.volume });
    volume += bar.volume;
  }
  const result = volume > 0 ? vwap.getResult() : null;
  if (result === null) {
    unavailable.push({
      indicator: 'vwap',
      needed: 1,
      available: session.length,
      message: interval === 'D1' ? 'vwap needs at least one daily candle with volume.' : 'vwap needs a candle with volume in the latest session (UTC day).',
    });
    return null;
  }
  return round(result);
}
