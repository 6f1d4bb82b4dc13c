import { decodeId, encodeId } from '@mosaic/kit';
import { authorizedAppsOf } from '../domain/authorized-apps';
import { sessionsOf } from '../domain/session-list';
import { twoFactorStateOf } from '../domain/two-factor/status';
import type { RoleName } from '../domain/users';
import type { Role, UserResolvers } from '../resolvers.generated';

const ROLE_NAMES: Record<Role, RoleName> = { USER: 'user', ADMIN: 'admin', STAFF: 'staff', EDITOR: 'editor', AUTHOR: 'author' };
const GRAPHQL_ROLES = new Map(Object.entries(ROLE_NAMES).map(([graphql, name]) => [name as string, graphql as Role]));

export const roleFromGraphQL = (role: Role): RoleName => ROLE_NAMES[role];
const roleToGraphQL = (role: string): Role => GRAPHQL_ROLES.get(role) ?? 'USER';

export const User: UserResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.userById.load(decodeId('User', reference.id)),
  id: (user) => encodeId('User', user.id),
  roles: (user) => user.roles.map(roleToGraphQL),
  sessions: (user, _args, ctx) => sessionsOf(ctx, user.id),
  twoFactor: (user, _args, ctx) => twoFactorStateOf(ctx, user.id),
  authorizedApps: (user, _args, ctx) => authorizedAppsOf(ctx, user.id),
};
