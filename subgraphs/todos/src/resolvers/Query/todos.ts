import { listTodos } from '../../domain/list-todos';
import type { QueryResolvers } from '../../resolvers.generated';

export const todos: NonNullable<QueryResolvers['todos']> = (_parent, args, ctx) => listTodos(ctx, ctx.auth.userId(), args);
