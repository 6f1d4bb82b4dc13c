import { decodeId } from '@mosaic/kit';
import { completeTodo as complete } from '../../domain/complete-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const completeTodo: NonNullable<MutationResolvers['completeTodo']> = (_parent, args, ctx) =>
  complete(ctx, decodeId('Todo', args.id), args.occurrence ? new Date(args.occurrence) : null);
