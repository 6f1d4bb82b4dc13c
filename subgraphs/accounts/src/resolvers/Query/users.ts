import { listUsers } from '../../domain/users';
import type { QueryResolvers } from '../../resolvers.generated';

export const users: NonNullable<QueryResolvers['users']> = (_parent, args, ctx) => listUsers(ctx, args);
