import MultivariateLinearRegression from 'ml-regression-multivariate-linear';

/** An autoregressive model r_t = c + φ1·r_{t−1} + … + φp·r_{t−p} + ε_t, ε ~ N(0, σ²). */
export interface ArModel {
  order: number;
  intercept: number;
  /** φ1 … φp. */
  coefficients: number[];
  /** σ², the residual variance (degrees-of-freedom corrected). */
  residualVariance: number;
  /** Equations the fit used. */
  samples: number;
  /** Akaike information criterion (lower is better), over `samples` equations. */
  aic: number;
}

/**
 * Fits AR(p) to a series by ordinary least squares, using ml-regression-multivariate-linear
 * (normal equations solved through ml-matrix's SVD). `skip` drops the first equations so that
 * models of different orders are compared on the same sample.
 */
export function fitAr(series: readonly number[], order: number, skip = order): ArModel {
  if (!Number.isInteger(order) || order < 1) throw new RangeError('The order must be a positive integer.');
  const first = Math.max(order, skip);
  const samples = series.length - first;
  if (samples < order + 2) throw new RangeError(`AR(${order}) needs at least ${first + order + 2} observations; got ${series.length}.`);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let t = first; t < series.length; t++) {
    const lags: number[] = [];
    for (let lag = 1; lag <= order; lag++) lags.push(series[t - lag]!);
    x.push(lags);
    y.push([series[t]!]);
  }
  const regression = new MultivariateLinearRegression(x, y, { intercept: true, statistics: false });
  const coefficients = regression.weights.slice(0, order).map((row) => row[0]!);
  const intercept = regression.weights[order]![0]!;
  let ssr = 0;
  for (let i = 0; i < x.length; i++) {
    const fitted = intercept + coefficients.reduce((sum, phi, lag) => sum + phi * x[i]![lag]!, 0);
    ssr += (y[i]![0]! - fitted) ** 2;
  }
  const residualVariance = ssr / Math.max(1, samples - order - 1);
  const aic = samples * Math.log(Math.max(ssr, Number.MIN_VALUE) / samples) + 2 * (order + 1);
  return { order, intercept, coefficients, residualVariance, samples, aic };
}

/** The AR order from 1 to `maxOrder` with the lowest AIC, all fitted on the same equations. */
export function selectAr(series: readonly number[], maxOrder: number): ArModel {
  let best: ArModel | null = null;
  for (let order = 1; order <= maxOrder; order++) {
    if (series.length - maxOrder < order + 2) break;
    const model = fitAr(series, order, maxOrder);
    if (!best || model.aic < best.aic) best = model;
  }
  if (!best) throw new RangeError(`Too few observations (${series.length}) for an AR model.`);
  return best;
}

/**
 * Forecasts of the CUMULATIVE return 1…h steps ahead, with their variances. The mean iterates the
 * recursion; the variance of the h-step sum is σ²·Σ_{i<h} Ψ_i², where Ψ_i = ψ_0 + … + ψ_i are the
 * partial sums of the model's moving-average weights (ψ_0 = 1, ψ_j = Σ φ_k ψ_{j−k}).
 */
export function forecastCumulative(model: ArModel, history: readonly number[], horizon: number): { mean: number[]; variance: number[] } {
  const { order, intercept, coefficients, residualVariance } = model;
  const window = history.slice(-order);
  if (window.length < order) throw new RangeError(`Forecasting with AR(${order}) needs the last ${order} observations.`);
  const psi = [1];
  const mean: number[] = [];
  const variance: number[] = [];
  let cumulative = 0;
  let psiSum = 0;
  let squaredPsiSums = 0;
  for (let step = 1; step <= horizon; step++) {
    let next = intercept;
    for (let lag = 1; lag <= order; lag++) next += coefficients[lag - 1]! * window[window.length - lag]!;
    window.push(next);
    cumulative += next;
    mean.push(cumulative);

    const j = step - 1;
    if (j > 0) {
      let weight = 0;
      for (let k = 1; k <= Math.min(j, order); k++) weight += coefficients[k - 1]! * psi[j - k]!;
      psi.push(weight);
    }
    psiSum += psi[j]!;
    squaredPsiSums += psiSum ** 2;
    variance.push(residualVariance * squaredPsiSums);
  }
  return { mean, variance };
}

/** ln(p_t / p_{t−1}) for consecutive prices. */
export function logReturns(prices: readonly number[]): number[] {
  const returns: number[] = [];
  for (let i = 1; i < prices.length; i++) returns.push(Math.log(prices[i]! / prices[i - 1]!));
  return returns;
}
