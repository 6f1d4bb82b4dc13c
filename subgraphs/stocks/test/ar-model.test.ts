import { describe, expect, it } from 'vitest';
import { fitAr, forecastCumulative, selectAr } from '../src/domain/insights/ar-model';
import { SeededRandom } from '../src/providers/simulated/random';

/** r_t = c + φ1 r_{t−1} + φ2 r_{t−2} + σ ε_t */
function simulateAr(phis: number[], intercept: number, sigma: number, n: number, seed = 'ar'): number[] {
  const random = new SeededRandom(seed);
  const series = new Array<number>(phis.length).fill(0);
  for (let t = 0; t < n + 200; t++) {
    let next = intercept + sigma * random.normal();
    phis.forEach((phi, i) => (next += phi * series[series.length - 1 - i]!));
    series.push(next);
  }
  return series.slice(-n); // drop the burn-in
}

describe('fitAr', () => {
  it('recovers the coefficients of a synthetic AR(2) process', () => {
    const series = simulateAr([0.5, -0.3], 0.001, 0.01, 20_000);
    const model = fitAr(series, 2);
    expect(model.coefficients[0]).toBeCloseTo(0.5, 1);
    expect(model.coefficients[1]).toBeCloseTo(-0.3, 1);
    expect(Math.abs(model.coefficients[0]! - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(model.coefficients[1]! + 0.3)).toBeLessThan(0.02);
    expect(model.intercept).toBeCloseTo(0.001, 3);
    expect(Math.sqrt(model.residualVariance)).toBeCloseTo(0.01, 3);
    expect(model.samples).toBe(20_000 - 2);
  });

  it('finds nothing in white noise', () => {
    const model = fitAr(simulateAr([], 0, 0.01, 20_000, 'noise'), 3);
    for (const phi of model.coefficients) expect(Math.abs(phi)).toBeLessThan(0.03);
  });

  it('picks the true order by AIC', () => {
    expect(selectAr(simulateAr([0.5, -0.3], 0, 0.01, 5_000), 5).order).toBe(2);
  });

  it('refuses too short a series', () => {
    expect(() => fitAr([0.1, 0.2, 0.3], 2)).toThrow(RangeError);
  });
});

describe('forecastCumulative', () => {
  it('matches the closed form of AR(1): mean and variance of the h-step cumulative return', () => {
    const phi = 0.6;
    const sigma2 = 0.0001;
    const model = { order: 1, intercept: 0, coefficients: [phi], residualVariance: sigma2, samples: 100, aic: 0 };
    const { mean, variance } = forecastCumulative(model, [0.01], 3);
    // r1 = φ·0.01, r2 = φ²·0.01, r3 = φ³·0.01
    expect(mean[0]).toBeCloseTo(phi * 0.01, 12);
    expect(mean[2]).toBeCloseTo((phi + phi ** 2 + phi ** 3) * 0.01, 12);
    // Var(e1+e2+e3) = σ²[(1+φ+φ²)² + (1+φ)² + 1]
    expect(variance[0]).toBeCloseTo(sigma2, 12);
    expect(variance[2]).toBeCloseTo(sigma2 * ((1 + phi + phi ** 2) ** 2 + (1 + phi) ** 2 + 1), 12);
  });

  it('for a random walk, the variance grows linearly with the horizon', () => {
    const model = { order: 1, intercept: 0, coefficients: [0], residualVariance: 1, samples: 100, aic: 0 };
    expect(forecastCumulative(model, [0], 5).variance).toEqual([1, 2, 3, 4, 5]);
  });
});
