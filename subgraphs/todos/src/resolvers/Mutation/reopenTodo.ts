import { decodeId } from '@mosaic/kit';
import { reopenTodo as reopen } from '../../domain/complete-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const reopenTodo: NonNullable<MutationResolvers['reopenTodo']> = (_parent, args, ctx) => reopen(ctx, decodeId('Todo', args.id));
