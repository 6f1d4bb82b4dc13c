import { dot, foldIn } from './als';
import type { TrainedModel } from './model';

/** What one user has done, item by item (summed decayed weight; the strongest kind for the reason). */
export interface HistoryItem {
  itemKey: string;
  weight: number;
}

export type Source = 'FACTORIZATION' | 'ITEM_SIMILARITY' | 'POPULARITY';

/** How much each recommender counts in the blend (documented in the README). */
export interface BlendWeights {
  FACTORIZATION: number;
  ITEM_SIMILARITY: number;
  POPULARITY: number;
}

export const DEFAULT_BLEND: BlendWeights = { FACTORIZATION: 0.55, ITEM_SIMILARITY: 0.35, POPULARITY: 0.1 };

export interface Scored {
  itemKey: string;
  score: number;
  /** The recommender that contributed most to this item's score. */
  source: Source;
  /** For ITEM_SIMILARITY: the item of the history it is closest to. */
  anchor?: string;
}

/**
 * Ranks the model's items for a user given their current history: factors folded in from that
 * history (so new interactions count at once, with no retraining), neighbours of what they used,
 * and popularity, each scaled to [0, 1] and blended. Items in the history are never recommended.
 */
export function scoreForUser(model: TrainedModel, history: readonly HistoryItem[], options: { first: number; weights: BlendWeights; accept: (itemKey: string) => boolean }): Scored[] {
  const n = model.itemKeys.length;
  const seen = new Set(history.map((h) => h.itemKey));
  const known = history.filter((h) => model.itemIndex.has(h.itemKey));
  const factor = new Float64Array(n);
  const similar = new Float64Array(n);
  const anchors = new Int32Array(n).fill(-1);
  const anchorScores = new Float64Array(n);
  if (known.length > 0 && options.weights.FACTORIZATION > 0) {
    const { factorization: fm } = model;
    const user = foldIn(fm.itemFactors, fm.itemGram, fm, known.map((h) => model.itemIndex.get(h.itemKey)!), known.map((h) => h.weight));
    for (let i = 0; i < n; i++) factor[i] = dot(user, 0, fm.itemFactors, i, fm.factors);
  }
  if (options.weights.ITEM_SIMILARITY > 0) {
    const { k, items, scores } = model.neighbours;
    for (const h of known) {
      const j = model.itemIndex.get(h.itemKey)!;
      for (let slot = j * k; slot < (j + 1) * k && items[slot]! >= 0; slot++) {
        const contribution = h.weight * scores[slot]!;
        const i = items[slot]!;
        similar[i]! += contribution;
        if (contribution > anchorScores[i]!) {
          anchorScores[i] = contribution;
          anchors[i] = j;
        }
      }
    }
  }
  const scale = (values: Float64Array) => {
    let max = 0;
    for (let i = 0; i < n; i++) if (!seen.has(model.itemKeys[i]!) && values[i]! > max) max = values[i]!;
    return max > 0 ? 1 / max : 0;
  };
  const [fs, ss, ps] = [scale(factor), scale(similar), scale(model.popularity)];
  const ranked: Scored[] = [];
  for (let i = 0; i < n; i++) {
    const itemKey = model.itemKeys[i]!;
    if (seen.has(itemKey) || !options.accept(itemKey)) continue;
    const parts: [Source, number][] = [
      ['FACTORIZATION', options.weights.FACTORIZATION * Math.max(0, factor[i]! * fs)],
      ['ITEM_SIMILARITY', options.weights.ITEM_SIMILARITY * similar[i]! * ss],
      ['POPULARITY', options.weights.POPULARITY * model.popularity[i]! * ps],
    ];
    const score = parts.reduce((sum, [, value]) => sum + value, 0);
    if (score <= 0) continue;
    const [source] = parts.reduce((best, part) => (part[1] > best[1] ? part : best));
    ranked.push({ itemKey, score, source, anchor: source === 'ITEM_SIMILARITY' && anchors[i]! >= 0 ? model.itemKeys[anchors[i]!] : undefined });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.itemKey < b.itemKey ? -1 : 1)).slice(0, options.first);
}

/** Items most like one item: its neighbours, then (for items the neighbours miss) factor cosine. */
export function similarItems(model: TrainedModel, itemKey: string, options: { first: number; accept: (itemKey: string) => boolean }): Scored[] {
  const j = model.itemIndex.get(itemKey);
  if (j === undefined) return [];
  const { k, items, scores } = model.neighbours;
  const ranked: Scored[] = [];
  for (let slot = j * k; slot < (j + 1) * k && items[slot]! >= 0; slot++) {
    const candidate = model.itemKeys[items[slot]!]!;
    if (options.accept(candidate)) ranked.push({ itemKey: candidate, score: scores[slot]!, source: 'ITEM_SIMILARITY', anchor: itemKey });
  }
  return ranked.slice(0, options.first);
}
