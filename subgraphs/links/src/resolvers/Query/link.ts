import { decodeId } from '@mosaic/kit';
import { findLink } from '../../domain/find-links';
import type { QueryResolvers } from '../../resolvers.generated';

export const link: NonNullable<QueryResolvers['link']> = (_parent, args, ctx) => findLink(ctx, decodeId('Link', args.id));
