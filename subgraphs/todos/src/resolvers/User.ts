import { decodeId } from '@mosaic/kit';
import { listTodos } from '../domain/list-todos';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }`; the `self`/`admin` policy on `todos` has run before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  todos: (user, args, ctx) => listTodos(ctx, decodeId('User', user.id), args),
};
