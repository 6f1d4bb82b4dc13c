import { decodeId, encodeId } from '@mosaic/kit';
import type { RoleName } from '../domain/users';
import type { Role, UserResolvers } from '../resolvers.generated';

export const roleFromGraphQL = (role: Role): RoleName => (role === 'ADMIN' ? 'admin' : 'user');
const roleToGraphQL = (role: string): Role => (role === 'admin' ? 'ADMIN' : 'USER');

export const User: UserResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.userById.load(decodeId('User', reference.id)),
  id: (user) => encodeId('User', user.id),
  roles: (user) => user.roles.map(roleToGraphQL),
};
