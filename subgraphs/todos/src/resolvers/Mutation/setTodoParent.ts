import { decodeId } from '@mosaic/kit';
import { setTodoParent as nest } from '../../domain/subtasks';
import type { MutationResolvers } from '../../resolvers.generated';

export const setTodoParent: NonNullable<MutationResolvers['setTodoParent']> = (_parent, args, ctx) => nest(ctx, decodeId('Todo', args.id), args.parentId ? decodeId('Todo', args.parentId, 'parentId') : null);
