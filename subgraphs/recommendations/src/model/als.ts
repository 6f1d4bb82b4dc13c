import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { Dataset } from './dataset';
import { seededRandom } from './random';

/**
 * Matrix factorisation for implicit feedback by alternating least squares (Hu, Koren & Volinsky,
 * "Collaborative Filtering for Implicit Feedback Datasets", 2008): every observed cell is a
 * preference of 1 with confidence 1 + alpha·weight, every other cell a preference of 0 with
 * confidence 1. Each half-step solves one small f×f system per user (or item) with ml-matrix's
 * Cholesky decomposition, using the precomputed Gram matrix of the fixed side (the paper's trick
 * that keeps the unobserved cells free).
 */
export interface AlsOptions {
  factors: number;
  regularization: number;
  alpha: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_ALS: AlsOptions = { factors: 24, regularization: 0.1, alpha: 8, iterations: 10, seed: 7 };

export interface FactorModel {
  factors: number;
  regularization: number;
  alpha: number;
  /** Row-major: the factors of user u are `userFactors[u·f .. (u+1)·f)`. */
  userFactors: Float32Array;
  itemFactors: Float32Array;
  /** Gram matrices YᵀY and XᵀX (f×f), kept so new users and items fold in without retraining. */
  itemGram: Float64Array;
  userGram: Float64Array;
}

export function trainAls(dataset: Dataset, options: AlsOptions, onIteration?: (iteration: number) => void): FactorModel {
  const f = options.factors;
  const random = seededRandom(options.seed);
  const init = (rows: number) => Float32Array.from({ length: rows * f }, () => (random() - 0.5) * 0.1);
  const userFactors = init(dataset.userIds.length);
  const itemFactors = init(dataset.itemKeys.length);
  for (let iteration = 1; iteration <= options.iterations; iteration++) {
    solveAll(userFactors, itemFactors, gram(itemFactors, f), dataset.userStart, dataset.userItems, dataset.userWeights, options);
    solveAll(itemFactors, userFactors, gram(userFactors, f), dataset.itemStart, dataset.itemUsers, dataset.itemWeights, options);
    onIteration?.(iteration);
  }
  return { factors: f, regularization: options.regularization, alpha: options.alpha, userFactors, itemFactors, itemGram: gram(itemFactors, f), userGram: gram(userFactors, f) };
}

/**
 * Factors for one row given the fixed side: a new user from their interactions with known items
 * (or a new item from the known users who used it), without touching the model.
 */
export function foldIn(fixed: Float32Array, fixedGram: Float64Array, options: Pick<FactorModel, 'factors' | 'regularization' | 'alpha'>, indices: ArrayLike<number>, weights: ArrayLike<number>): Float32Array {
  const out = new Float32Array(options.factors);
  solveRow(out, 0, fixed, fixedGram, indices, weights, 0, indices.length, options.factors, options.regularization, options.alpha);
  return out;
}

export function dot(a: Float32Array, aRow: number, b: Float32Array, bRow: number, f: number): number {
  let sum = 0;
  for (let k = 0; k < f; k++) sum += a[aRow * f + k]! * b[bRow * f + k]!;
  return sum;
}

function gram(factors: Float32Array, f: number): Float64Array {
  const g = new Float64Array(f * f);
  for (let row = 0; row < factors.length / f; row++) {
    const base = row * f;
    for (let a = 0; a < f; a++) {
      const va = factors[base + a]!;
      if (va === 0) continue;
      for (let b = a; b < f; b++) g[a * f + b]! += va * factors[base + b]!;
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) g[a * f + b] = g[b * f + a]!;
  return g;
}

function solveAll(target: Float32Array, fixed: Float32Array, fixedGram: Float64Array, start: Int32Array, indices: Int32Array, weights: Float32Array, options: AlsOptions): void {
  for (let row = 0; row < start.length - 1; row++) {
    solveRow(target, row, fixed, fixedGram, indices, weights, start[row]!, start[row + 1]!, options.factors, options.regularization, options.alpha);
  }
}

function solveRow(
  target: Float32Array,
  row: number,
  fixed: Float32Array,
  fixedGram: Float64Array,
  indices: ArrayLike<number>,
  weights: ArrayLike<number>,
  from: number,
  to: number,
  f: number,
  regularization: number,
  alpha: number,
): void {
  if (from === to) {
    target.fill(0, row * f, (row + 1) * f);
    return;
  }
  const a = Float64Array.from(fixedGram);
  const b = new Float64Array(f);
  for (let k = 0; k < f; k++) a[k * f + k]! += regularization;
  for (let p = 0; p < f; p++) for (let q = 0; q < p; q++) a[p * f + q] = 0;
  for (let n = from; n < to; n++) {
    const base = indices[n]! * f;
    const confidence = 1 + alpha * weights[n]!;
    for (let p = 0; p < f; p++) {
      const vp = fixed[base + p]!;
      b[p]! += confidence * vp;
      const scaled = (confidence - 1) * vp;
      if (scaled === 0) continue;
      for (let q = p; q < f; q++) a[p * f + q]! += scaled * fixed[base + q]!;
    }
  }
  // Only the upper triangle was summed: mirrored, the system is exactly symmetric, as Cholesky requires.
  for (let p = 0; p < f; p++) for (let q = 0; q < p; q++) a[p * f + q] = a[q * f + p]!;
  const solution = new CholeskyDecomposition(Matrix.from1DArray(f, f, a)).solve(Matrix.columnVector(Array.from(b)));
  for (let k = 0; k < f; k++) target[row * f + k] = solution.get(k, 0);
}
