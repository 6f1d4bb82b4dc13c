import { listRooms } from '../../domain/lists';
import type { QueryResolvers } from '../../resolvers.generated';

export const chatRooms: NonNullable<QueryResolvers['chatRooms']> = (_parent, args, ctx) => listRooms(ctx, args);
