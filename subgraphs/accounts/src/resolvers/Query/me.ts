import { viewerProfile } from '../../domain/users';
import type { QueryResolvers } from '../../resolvers.generated';

export const me: NonNullable<QueryResolvers['me']> = (_parent, _args, ctx) => viewerProfile(ctx);
