import { countTodos } from '../domain/list-todos';
import type { TodoConnectionResolvers } from '../resolvers.generated';

export const TodoConnection: TodoConnectionResolvers = {
  totalCount: (page, _args, ctx) => countTodos(ctx, page),
};
