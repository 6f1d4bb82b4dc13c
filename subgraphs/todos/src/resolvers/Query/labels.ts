import { listLabels } from '../../domain/labels';
import type { QueryResolvers } from '../../resolvers.generated';

export const labels: NonNullable<QueryResolvers['labels']> = (_parent, _args, ctx) => listLabels(ctx);
