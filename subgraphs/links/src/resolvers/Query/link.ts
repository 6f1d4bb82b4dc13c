import { decodeId } from '@mosaic/kit';
import { findOwnLink } from '../../domain/links';
import type { QueryResolvers } from '../../resolvers.generated';

export const link: NonNullable<QueryResolvers['link']> = (_parent, args, ctx) => findOwnLink(ctx, decodeId('Link', args.id));
