import type { Context } from '../context';
import type { TrainedModel } from '../model/model';

export interface ModelStatus {
  version: number;
  trainedAt: Date;
  users: number;
  items: number;
  interactions: number;
  trainingMs: number;
}

const statusOf = (model: TrainedModel | null): ModelStatus | null =>
  model && { version: model.version, trainedAt: new Date(model.trainedAt), users: model.stats.users, items: model.stats.items, interactions: model.stats.cells, trainingMs: model.stats.trainingMs };

export function modelStatus(ctx: Pick<Context, 'auth' | 'models'>): ModelStatus | null {
  ctx.auth.require('recommendations:admin');
  return statusOf(ctx.models.current());
}

/** A full retraining now; when another replica is training, the model in service is returned. */
export async function retrainModel(ctx: Pick<Context, 'auth' | 'models'>): Promise<ModelStatus | null> {
  ctx.auth.require('recommendations:admin');
  return statusOf((await ctx.models.retrain()) ?? ctx.models.current());
}
