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
  const excluded = new Uint8Array(n);
  for (const h of history) {
    const i = model.itemIndex.get(h.itemKey);
    if (i !== undefined) excluded[i] = 1;
  }
  for (let i = 0; i < n; i++) if (!excluded[i] && !options.accept(model.itemKeys[i]!)) excluded[i] = 2;
  const scale = (values: Float64Array) => {
    let max = 0;
    for (let i = 0; i < n; i++) if (!excluded[i] && values[i]! > max) max = values[i]!;
    return max > 0 ? 1 / max : 0;
  };
  const w = options.weights;
  const [fs, ss, ps] = [w.FACTORIZATION * scale(factor), w.ITEM_SIMILARITY * scale(similar), w.POPULARITY * scale(model.popularity)];
  const top = new TopK(options.first);
  for (let i = 0; i < n; i++) {
    if (excluded[i]) continue;
    const score = Math.max(0, factor[i]! * fs) + similar[i]! * ss + model.popularity[i]! * ps;
    if (score > 0) top.offer(i, score);
  }
  return top.entries().map(([i, score]) => {
    const parts: [Source, number][] = [
      ['FACTORIZATION', Math.max(0, factor[i]! * fs)],
      ['ITEM_SIMILARITY', similar[i]! * ss],
      ['POPULARITY', model.popularity[i]! * ps],
    ];
    const [source] = parts.reduce((best, part) => (part[1] > best[1] ? part : best));
    return { itemKey: model.itemKeys[i]!, score, source, anchor: source === 'ITEM_SIMILARITY' && anchors[i]! >= 0 ? model.itemKeys[anchors[i]!] : undefined };
  });
}

/** The k best (index, score) pairs seen, best first; ties by lower index (a stable order). */
class TopK {
  private readonly items: [number, number][] = [];
  constructor(private readonly k: number) {}

  offer(index: number, score: number): void {
    const items = this.items;
    if (items.length === this.k && score <= items[items.length - 1]![1]) return;
    let at = items.length;
    while (at > 0 && items[at - 1]![1] < score) at--;
    items.splice(at, 0, [index, score]);
    if (items.length > this.k) items.pop();
  }

  entries(): [number, number][] {
    return this.items;
  }
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
