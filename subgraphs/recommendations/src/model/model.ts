import { DEFAULT_ALS, trainAls, type AlsOptions, type FactorModel } from './als';
import { buildDataset, cellCount, type WeightedCell } from './dataset';
import { nearestNeighbours, type Neighbours } from './item-similarity';
import { popularity } from './popularity';

/** Everything the recommenders learned in one training run; replaced whole, never changed. */
export interface TrainedModel {
  version: number;
  trainedAt: string;
  userIds: string[];
  itemKeys: string[];
  itemIndex: Map<string, number>;
  factorization: FactorModel;
  neighbours: Neighbours;
  popularity: Float64Array;
  stats: { users: number; items: number; cells: number; trainingMs: number };
}

export interface TrainOptions {
  als: AlsOptions;
  neighbours: number;
}

export const DEFAULT_TRAINING: TrainOptions = { als: DEFAULT_ALS, neighbours: 30 };

export type TrainingProgress = (step: string, done: number, total: number) => void;

export function trainModel(cells: Iterable<WeightedCell>, options: TrainOptions, meta: { version: number; trainedAt: string }, progress?: TrainingProgress): TrainedModel {
  const started = performance.now();
  const dataset = buildDataset(cells);
  const total = options.als.iterations + 2;
  progress?.('matrix', 1, total);
  const neighbours = nearestNeighbours(dataset, options.neighbours);
  progress?.('item similarity', 2, total);
  const factorization = trainAls(dataset, options.als, (iteration) => progress?.(`ALS iteration ${iteration}/${options.als.iterations}`, 2 + iteration, total));
  return {
    ...meta,
    userIds: dataset.userIds,
    itemKeys: dataset.itemKeys,
    itemIndex: new Map(dataset.itemKeys.map((key, index) => [key, index])),
    factorization,
    neighbours,
    popularity: popularity(dataset),
    stats: { users: dataset.userIds.length, items: dataset.itemKeys.length, cells: cellCount(dataset), trainingMs: Math.round(performance.now() - started) },
  };
}
