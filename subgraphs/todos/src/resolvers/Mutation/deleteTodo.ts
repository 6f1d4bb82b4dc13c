import { decodeId } from '@mosaic/kit';
import { deleteTodo as remove } from '../../domain/delete-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteTodo: NonNullable<MutationResolvers['deleteTodo']> = (_parent, args, ctx) => remove(ctx, decodeId('Todo', args.id));
