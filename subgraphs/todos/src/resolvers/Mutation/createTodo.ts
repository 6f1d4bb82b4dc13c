import { createTodo as create } from '../../domain/create-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const createTodo: NonNullable<MutationResolvers['createTodo']> = (_parent, args, ctx) => create(ctx, args.input);
