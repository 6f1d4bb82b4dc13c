import { decodeId, encodeId } from '@mosaic/kit';
import { authorizedAppsOf } from '../domain/authorized-apps';
import { sessionsOf } from '../domain/session-list';
import { twoFactorStateOf } from '../domain/two-factor/status';
import type { RoleName } from '../domain/users';
import type { Role, UserResolvers } from '../resolvers.generated';

export const roleFromGraphQL = (role: Role): RoleName => (role === 'ADMIN' ? 'admin' : 'user');
const roleToGraphQL = (role: string): Role => (role === 'admin' ? 'ADMIN' : 'USER');

export const User: UserResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.userById.load(decodeId('User', reference.id)),
  id: (user) => encodeId('User', user.id),
  roles: (user) => user.roles.map(roleToGraphQL),
  sessions: (user, _args, ctx) => sessionsOf(ctx, user.id),
  twoFactor: (user, _args, ctx) => twoFactorStateOf(ctx, user.id),
  authorizedApps: (user, _args, ctx) => authorizedAppsOf(ctx, user.id),
};
