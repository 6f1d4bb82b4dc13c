import { findLinkByCode } from '../../domain/find-links';
import type { QueryResolvers } from '../../resolvers.generated';

export const linkByCode: NonNullable<QueryResolvers['linkByCode']> = (_parent, args, ctx) => findLinkByCode(ctx, args.code);
