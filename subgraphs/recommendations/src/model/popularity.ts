import type { Dataset } from './dataset';

/** Trending: each item's total time-decayed weight (the decay is already in the cells). */
export function popularity(dataset: Dataset): Float64Array {
  const scores = new Float64Array(dataset.itemKeys.length);
  for (let i = 0; i < scores.length; i++) {
    for (let n = dataset.itemStart[i]!; n < dataset.itemStart[i + 1]!; n++) scores[i]! += dataset.itemWeights[n]!;
  }
  return scores;
}
