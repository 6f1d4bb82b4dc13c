import { toCells, type Behaviour } from './behaviour';
import { rankingMetrics } from './metrics';
import { trainModel, type TrainOptions, type TrainingProgress } from './model';
import { scoreForUser, DEFAULT_BLEND, type BlendWeights, type HistoryItem } from './score';

export const RECOMMENDERS: Record<string, BlendWeights> = {
  popularity: { FACTORIZATION: 0, ITEM_SIMILARITY: 0, POPULARITY: 1 },
  'item-similarity': { FACTORIZATION: 0, ITEM_SIMILARITY: 1, POPULARITY: 0 },
  factorization: { FACTORIZATION: 1, ITEM_SIMILARITY: 0, POPULARITY: 0 },
  blend: DEFAULT_BLEND,
};

export interface EvaluationRow {
  recommender: string;
  precision: number;
  recall: number;
  ndcg: number;
  coverage: number;
}

export interface Evaluation {
  k: number;
  trainInteractions: number;
  testUsers: number;
  trainingMs: number;
  rows: EvaluationRow[];
}

/**
 * Offline evaluation split by time, as a recommender meets the future: train on everything
 * before the cut (the first `trainShare` of the interactions), then for every user seen before
 * the cut rank the catalog from their history and compare the top k with the items they used
 * after it (excluding ones they had used already). Coverage is the share of the catalog that
 * appears in anyone's top k.
 */
export function evaluate(behaviour: readonly Behaviour[], options: { k: number; trainShare: number; halfLifeDays: number; training: TrainOptions; progress?: TrainingProgress }): Evaluation {
  const sorted = [...behaviour].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const cut = Math.floor(sorted.length * options.trainShare);
  const train = sorted.slice(0, cut);
  const test = sorted.slice(cut);
  const cutoff = train.at(-1)?.occurredAt ?? new Date();
  const model = trainModel(toCells(train, cutoff, options.halfLifeDays), options.training, { version: 0, trainedAt: cutoff.toISOString() }, options.progress);

  const histories = new Map<string, Map<string, number>>();
  for (const cell of toCells(train, cutoff, options.halfLifeDays)) {
    const history = histories.get(cell.userId) ?? new Map<string, number>();
    history.set(cell.itemKey, (history.get(cell.itemKey) ?? 0) + cell.weight);
    histories.set(cell.userId, history);
  }
  const future = new Map<string, Set<string>>();
  for (const b of test) {
    if (!histories.has(b.userId) || histories.get(b.userId)!.has(b.itemKey)) continue;
    future.set(b.userId, (future.get(b.userId) ?? new Set()).add(b.itemKey));
  }

  const rows = Object.entries(RECOMMENDERS).map(([recommender, weights]) => {
    const totals = { precision: 0, recall: 0, ndcg: 0 };
    const shown = new Set<string>();
    for (const [userId, relevant] of future) {
      const history: HistoryItem[] = [...histories.get(userId)!].map(([itemKey, weight]) => ({ itemKey, weight }));
      const top = scoreForUser(model, history, { first: options.k, weights, accept: () => true }).map((s) => s.itemKey);
      top.forEach((item) => shown.add(item));
      const metrics = rankingMetrics(top, relevant, options.k);
      totals.precision += metrics.precision;
      totals.recall += metrics.recall;
      totals.ndcg += metrics.ndcg;
    }
    const users = Math.max(1, future.size);
    return { recommender, precision: totals.precision / users, recall: totals.recall / users, ndcg: totals.ndcg / users, coverage: shown.size / Math.max(1, model.itemKeys.length) };
  });
  return { k: options.k, trainInteractions: train.length, testUsers: future.size, trainingMs: model.stats.trainingMs, rows };
}

export function formatEvaluation(evaluation: Evaluation): string {
  const pad = (value: string, width: number) => value.padEnd(width);
  const lines = [
    `| recommender | precision@${evaluation.k} | recall@${evaluation.k} | NDCG@${evaluation.k} | coverage |`,
    '|---|---|---|---|---|',
    ...evaluation.rows.map((row) => `| ${pad(row.recommender, 15)} | ${row.precision.toFixed(4)} | ${row.recall.toFixed(4)} | ${row.ndcg.toFixed(4)} | ${row.coverage.toFixed(3)} |`),
  ];
  return lines.join('\n');
}
