import { retrainModel } from '../../domain/model-admin';
import type { MutationResolvers } from '../../resolvers.generated';

export const retrainRecommendations: NonNullable<MutationResolvers['retrainRecommendations']> = (_parent, _args, ctx) => retrainModel(ctx);
