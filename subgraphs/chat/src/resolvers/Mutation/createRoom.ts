import { createRoom as create } from '../../domain/rooms';
import type { MutationResolvers } from '../../resolvers.generated';

export const createRoom: NonNullable<MutationResolvers['createRoom']> = (_parent, args, ctx) => create(ctx, args.input);
