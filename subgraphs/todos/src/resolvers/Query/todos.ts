import { listTodos } from '../../domain/list-todos';
import { requireViewer } from '../../domain/viewer';
import type { QueryResolvers } from '../../resolvers.generated';

export const todos: NonNullable<QueryResolvers['todos']> = (_parent, args, ctx) => listTodos(ctx, requireViewer(ctx).userId, args);
