import { describe, expect, it } from 'vitest';
import { DEFAULT_ALS } from '../src/model/als';
import { buildDataset } from '../src/model/dataset';
import { evaluate } from '../src/model/evaluation';
import { nearestNeighbours } from '../src/model/item-similarity';
import { rankingMetrics } from '../src/model/metrics';
import { DEFAULT_TRAINING, trainModel } from '../src/model/model';
import { scoreForUser } from '../src/model/score';
import { deserializeModel, serializeModel } from '../src/model/serialize';
import { syntheticBehaviour, SYNTHETIC_DEFAULTS } from '../src/model/synthetic';
import { toCells } from '../src/model/behaviour';

const small = { ...SYNTHETIC_DEFAULTS, users: 400, items: 200, clusters: 8, interactionsPerUser: 20, seed: 3 };
const training = { ...DEFAULT_TRAINING, als: { ...DEFAULT_ALS, factors: 12, iterations: 6 } };

describe('the interaction matrix', () => {
  it('sums repeated (user, item) pairs and indexes the same cells by user and by item', () => {
    const data = buildDataset([
      { userId: 'a', itemKey: 'x', weight: 1 },
      { userId: 'a', itemKey: 'x', weight: 2 },
      { userId: 'b', itemKey: 'y', weight: 1 },
      { userId: 'b', itemKey: 'x', weight: 0.5 },
      { userId: 'c', itemKey: 'y', weight: 0 },
    ]);
    expect(data.userIds).toEqual(['a', 'b', 'c']);
    expect([...data.userWeights]).toEqual([3, 0.5, 1]);
    expect([...data.itemUsers]).toEqual([0, 1, 1]);
    expect([...data.itemWeights]).toEqual([3, 0.5, 1]);
    expect([...data.userStart]).toEqual([0, 1, 3, 3]);
  });
});

describe('ranking metrics', () => {
  it('precision, recall and NDCG of a known ranking', () => {
    const metrics = rankingMetrics(['a', 'b', 'c', 'd'], new Set(['b', 'd', 'z']), 4);
    expect(metrics.precision).toBe(0.5);
    expect(metrics.recall).toBeCloseTo(2 / 3);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const ideal = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(metrics.ndcg).toBeCloseTo(dcg / ideal);
  });
});

describe('recommenders on behaviour with planted taste clusters', () => {
  const { behaviour, clusterOf } = syntheticBehaviour(small);

  it('factorisation and item similarity beat popularity clearly on a time split', () => {
    const result = evaluate(behaviour, { k: 10, trainShare: 0.8, halfLifeDays: 30, training });
    const ndcg = Object.fromEntries(result.rows.map((row) => [row.recommender, row.ndcg]));
    expect(result.testUsers).toBeGreaterThan(300);
    expect(ndcg.factorization).toBeGreaterThan(2 * ndcg.popularity!);
    expect(ndcg['item-similarity']).toBeGreaterThan(2 * ndcg.popularity!);
    expect(ndcg.blend).toBeGreaterThan(2 * ndcg.popularity!);
  });

  it("a new user's factors fold in from a few interactions: their cluster comes first, with no retraining", () => {
    const model = trainModel(toCells(behaviour, new Date('2026-04-01'), 30), training, { version: 1, trainedAt: '2026-04-01T00:00:00.000Z' });
    const cluster = 5;
    const liked = model.itemKeys.filter((key) => clusterOf(key) === cluster).slice(0, 3);
    const top = scoreForUser(model, liked.map((itemKey) => ({ itemKey, weight: 4 })), { first: 10, weights: { FACTORIZATION: 1, ITEM_SIMILARITY: 0, POPULARITY: 0 }, accept: () => true });
    expect(top).toHaveLength(10);
    expect(top.filter((s) => clusterOf(s.itemKey) === cluster).length).toBeGreaterThanOrEqual(8);
    expect(top.some((s) => liked.includes(s.itemKey))).toBe(false);
  });

  it('nearest neighbours of an item are mostly of its cluster', () => {
    const data = buildDataset(toCells(behaviour, new Date('2026-04-01'), 30));
    const neighbours = nearestNeighbours(data, 10);
    const item = data.itemKeys.indexOf('PRODUCT:9');
    const of = [...neighbours.items.slice(item * 10, item * 10 + 10)].map((j) => data.itemKeys[j]!);
    expect(of.filter((key) => clusterOf(key) === clusterOf('PRODUCT:9')).length).toBeGreaterThanOrEqual(7);
  });

  it('a model survives serialisation exactly', () => {
    const model = trainModel(toCells(behaviour.slice(0, 2000), new Date('2026-04-01'), 30), training, { version: 3, trainedAt: '2026-04-01T00:00:00.000Z' });
    const back = deserializeModel(serializeModel(model));
    expect(back.version).toBe(3);
    expect(back.itemKeys).toEqual(model.itemKeys);
    expect(back.factorization.itemFactors).toEqual(model.factorization.itemFactors);
    expect(back.neighbours.items).toEqual(model.neighbours.items);
    expect(back.popularity).toEqual(model.popularity);
  });
});
