import { modelStatus } from '../../domain/model-admin';
import type { QueryResolvers } from '../../resolvers.generated';

export const recommendationModel: NonNullable<QueryResolvers['recommendationModel']> = (_parent, _args, ctx) => modelStatus(ctx);
