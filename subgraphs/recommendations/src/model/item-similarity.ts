import type { Dataset } from './dataset';

/**
 * Item-item cosine similarity over the weighted interaction matrix, the k nearest neighbours of
 * every item kept (sparse, fixed width). Computed one item at a time with a dense scratch row,
 * so the cost is Σ over users of (items per user)², never items².
 */
export interface Neighbours {
  k: number;
  /** Row-major, `k` slots per item; -1 marks an empty slot. */
  items: Int32Array;
  scores: Float32Array;
}

export function nearestNeighbours(dataset: Dataset, k: number): Neighbours {
  const itemCount = dataset.itemKeys.length;
  const norms = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    for (let n = dataset.itemStart[i]!; n < dataset.itemStart[i + 1]!; n++) norms[i]! += dataset.itemWeights[n]! ** 2;
    norms[i] = Math.sqrt(norms[i]!);
  }
  const items = new Int32Array(itemCount * k).fill(-1);
  const scores = new Float32Array(itemCount * k);
  const scratch = new Float64Array(itemCount);
  const touched: number[] = [];
  for (let i = 0; i < itemCount; i++) {
    for (let n = dataset.itemStart[i]!; n < dataset.itemStart[i + 1]!; n++) {
      const u = dataset.itemUsers[n]!;
      const w = dataset.itemWeights[n]!;
      for (let m = dataset.userStart[u]!; m < dataset.userStart[u + 1]!; m++) {
        const j = dataset.userItems[m]!;
        if (j === i) continue;
        if (scratch[j] === 0) touched.push(j);
        scratch[j]! += w * dataset.userWeights[m]!;
      }
    }
    const best = touched
      .map((j) => ({ j, score: scratch[j]! / (norms[i]! * norms[j]! || 1) }))
      .sort((a, b) => b.score - a.score || a.j - b.j)
      .slice(0, k);
    best.forEach(({ j, score }, slot) => {
      items[i * k + slot] = j;
      scores[i * k + slot] = score;
    });
    for (const j of touched) scratch[j] = 0;
    touched.length = 0;
  }
  return { k, items, scores };
}
