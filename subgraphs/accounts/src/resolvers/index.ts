import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { changePassword } from './Mutation/changePassword';
import { deleteAccount } from './Mutation/deleteAccount';
import { login } from './Mutation/login';
import { logout } from './Mutation/logout';
import { refreshSession } from './Mutation/refreshSession';
import { register } from './Mutation/register';
import { setUserRoles } from './Mutation/setUserRoles';
import { me } from './Query/me';
import { user } from './Query/user';
import { users } from './Query/users';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { me, user, users },
  Mutation: { register, login, refreshSession, logout, changePassword, setUserRoles, deleteAccount },
  User,
};
