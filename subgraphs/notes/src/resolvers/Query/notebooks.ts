import { listNotebooks } from '../../domain/notebooks';
import type { QueryResolvers } from '../../resolvers.generated';

export const notebooks: NonNullable<QueryResolvers['notebooks']> = (_parent, _args, ctx) => listNotebooks(ctx);
