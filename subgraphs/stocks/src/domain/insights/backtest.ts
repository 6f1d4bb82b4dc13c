import { forecastCumulative, logReturns, selectAr } from './ar-model';

export interface BacktestResult {
  horizon: number;
  /** Mean absolute error of the model's price forecasts, minor units. */
  mae: number;
  /** The same for the naive random walk (tomorrow's price = today's). */
  baselineMae: number;
  /** Mean absolute percentage error of the model, in percent. */
  mape: number;
  /** Forecast origins evaluated. */
  samples: number;
  /** 1 − mae / baselineMae: above 0 beats the random walk, below 0 does worse. */
  skill: number;
}

export interface BacktestOptions {
  /** Returns each fit may use (the most recent ones before the origin). */
  trainWindow?: number;
  /** Fewest returns a fit needs. */
  minTrain?: number;
  /** Most origins evaluated (the latest ones, evenly spaced). */
  maxOrigins?: number;
  maxOrder?: number;
}

/**
 * Walk-forward backtest: at each origin the model is re-selected and re-fitted on data up to that
 * origin only (no look-ahead), forecasts `horizon` steps, and is scored against the realised
 * close — beside the random-walk baseline on the very same origins.
 */
export function backtest(closes: readonly number[], horizon: number, options: BacktestOptions = {}): BacktestResult | null {
  const { trainWindow = 500, minTrain = 60, maxOrigins = 60, maxOrder = 5 } = options;
  const returns = logReturns(closes);
  // Origin T (an index into closes) needs minTrain returns up to it and a realised close T + horizon.
  const firstOrigin = minTrain;
  const lastOrigin = closes.length - 1 - horizon;
  if (lastOrigin < firstOrigin) return null;
  const span = lastOrigin - firstOrigin + 1;
  const count = Math.min(maxOrigins, span);
  let modelError = 0;
  let baselineError = 0;
  let percentError = 0;
  for (let i = 0; i < count; i++) {
    const origin = lastOrigin - Math.floor((i * span) / count);
    // returns[k] = ln(close[k+1] / close[k]): those known at the origin are returns[0 … origin−1].
    const train = returns.slice(Math.max(0, origin - trainWindow), origin);
    const model = selectAr(train, maxOrder);
    const cumulative = forecastCumulative(model, train, horizon).mean[horizon - 1]!;
    const predicted = closes[origin]! * Math.exp(cumulative);
    const actual = closes[origin + horizon]!;
    modelError += Math.abs(predicted - actual);
    baselineError += Math.abs(closes[origin]! - actual);
    percentError += Math.abs(predicted - actual) / actual;
  }
  const mae = modelError / count;
  const baselineMae = baselineError / count;
  return {
    horizon,
    mae,
    baselineMae,
    mape: (percentError / count) * 100,
    samples: count,
    skill: baselineMae === 0 ? (mae === 0 ? 0 : -Infinity) : 1 - mae / baselineMae,
  };
}
