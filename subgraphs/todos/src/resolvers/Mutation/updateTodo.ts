import { decodeId } from '@mosaic/kit';
import { updateTodo as update } from '../../domain/update-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateTodo: NonNullable<MutationResolvers['updateTodo']> = (_parent, args, ctx) => update(ctx, decodeId('Todo', args.id), args.input);
