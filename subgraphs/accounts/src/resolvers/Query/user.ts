import { decodeId } from '@mosaic/kit';
import { findUser } from '../../domain/users';
import type { QueryResolvers } from '../../resolvers.generated';

export const user: NonNullable<QueryResolvers['user']> = (_parent, args, ctx) => findUser(ctx, decodeId('User', args.id));
