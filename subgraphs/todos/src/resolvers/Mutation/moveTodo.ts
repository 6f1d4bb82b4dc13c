import { UserInputError, decodeId } from '@mosaic/kit';
import { moveTodo as move, type Placement } from '../../domain/move-todo';
import type { MutationResolvers } from '../../resolvers.generated';

export const moveTodo: NonNullable<MutationResolvers['moveTodo']> = (_parent, args, ctx) => move(ctx, decodeId('Todo', args.id), placementOf(args));

function placementOf(args: { afterId?: string | null; beforeId?: string | null }): Placement {
  if (args.afterId && !args.beforeId) return { after: decodeId('Todo', args.afterId, 'afterId') };
  if (args.beforeId && !args.afterId) return { before: decodeId('Todo', args.beforeId, 'beforeId') };
  throw new UserInputError('Give exactly one of afterId and beforeId.', 'afterId');
}
