import { parentPort, workerData } from 'node:worker_threads';
import type { WeightedCell } from './dataset';
import { trainModel, type TrainOptions } from './model';
import { serializeModel } from './serialize';

/** Runs in a worker thread (see trainer.ts): trains on the cells it was given, answers with the serialised model. */
export interface TrainingJob {
  userIds: string[];
  itemKeys: string[];
  weights: Float32Array;
  options: TrainOptions;
  meta: { version: number; trainedAt: string };
}

export type TrainingMessage = { progress: { step: string; done: number; total: number } } | { model: Uint8Array };

function* cellsOf(job: TrainingJob): Iterable<WeightedCell> {
  for (let n = 0; n < job.weights.length; n++) yield { userId: job.userIds[n]!, itemKey: job.itemKeys[n]!, weight: job.weights[n]! };
}

const job = workerData as TrainingJob;
const post = (message: TrainingMessage) => parentPort!.postMessage(message);
const model = trainModel(cellsOf(job), job.options, job.meta, (step, done, total) => post({ progress: { step, done, total } }));
post({ model: serializeModel(model) });
