import { forecastCumulative, logReturns, selectAr, type ArModel } from './ar-model';
import { backtest, type BacktestResult } from './backtest';
import { MAX_PRICE } from '../prices';

export const FORECAST_DISCLAIMER =
  'Statistical illustration only, not investment advice: an autoregressive model of past prices, whose backtest shows how it fared against simply assuming no change. Markets are not predictable this way; do not trade on it.';

export const MIN_HORIZON = 1;
export const MAX_HORIZON = 60;
/** Candles a forecast is trained on (the most recent ones). */
export const FORECAST_LOOKBACK = 600;
/** Fewest returns the model is fitted on. */
const MIN_TRAIN = 60;
/** Backtest origins needed beyond the training minimum, so its numbers mean something. */
const MIN_BACKTEST_ORIGINS = 20;
const MAX_ORDER = 5;
/** Two-sided 95% normal quantile. */
const Z_95 = 1.959964;

export interface ForecastPoint {
  step: number;
  /** Median price (exp of the expected log price), minor units, rounded. */
  expected: number;
  /** 95% prediction interval, minor units, rounded. */
  lower: number;
  upper: number;
}

export interface PriceForecast {
  model: ArModel;
  description: string;
  points: ForecastPoint[];
  backtest: BacktestResult;
}

/** Within what the API can carry (an extreme history can extrapolate beyond it). */
const clampPrice = (price: number) => Math.min(MAX_PRICE, Math.max(1, Math.round(price)));

/** Fewest candles a forecast of `horizon` steps needs. */
export const minimumCandles = (horizon: number) => MIN_TRAIN + horizon + MIN_BACKTEST_ORIGINS;

/**
 * Forecasts closes `horizon` steps ahead: AR(p) on log returns (order 1–5 by AIC), least squares,
 * the point forecast iterated from the last returns, a 95% interval from the residual variance
 * (normal errors, log space), and a walk-forward backtest against the random walk. Pure: callable
 * from benchmarks. Null when there are fewer than `minimumCandles(horizon)` closes.
 */
export function forecastPrices(closes: readonly number[], horizon: number): PriceForecast | null {
  if (!Number.isInteger(horizon) || horizon < MIN_HORIZON || horizon > MAX_HORIZON) throw new RangeError(`horizon must be ${MIN_HORIZON}..${MAX_HORIZON}`);
  if (closes.length < minimumCandles(horizon)) return null;
  const returns = logReturns(closes);
  const model = selectAr(returns, MAX_ORDER);
  const { mean, variance } = forecastCumulative(model, returns, horizon);
  const last = closes.at(-1)!;
  const points = mean.map((cumulative, i) => {
    const spread = Z_95 * Math.sqrt(variance[i]!);
    return {
      step: i + 1,
      expected: clampPrice(last * Math.exp(cumulative)),
      lower: clampPrice(last * Math.exp(cumulative - spread)),
      upper: clampPrice(last * Math.exp(cumulative + spread)),
    };
  });
  const measured = backtest(closes, horizon, { minTrain: MIN_TRAIN, maxOrder: MAX_ORDER })!;
  const phis = model.coefficients.map((phi) => phi.toFixed(3)).join(', ');
  return {
    model,
    description: `AR(${model.order}) on log returns [φ = ${phis}], least squares (ml-regression-multivariate-linear), order 1–${MAX_ORDER} by AIC, fitted on ${closes.length} closes; 95% interval from the residual variance.`,
    points,
    backtest: measured,
  };
}
