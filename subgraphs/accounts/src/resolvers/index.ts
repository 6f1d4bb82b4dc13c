import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { AuthorizedApp } from './AuthorizedApp';
import { beginExternalSignIn } from './Mutation/beginExternalSignIn';
import { beginTotpEnrollment } from './Mutation/beginTotpEnrollment';
import { changePassword } from './Mutation/changePassword';
import { completeExternalSignIn } from './Mutation/completeExternalSignIn';
import { completeLogin } from './Mutation/completeLogin';
import { confirmSignUp } from './Mutation/confirmSignUp';
import { confirmTotpEnrollment } from './Mutation/confirmTotpEnrollment';
import { deleteAccount } from './Mutation/deleteAccount';
import { deleteOAuthClient } from './Mutation/deleteOAuthClient';
import { disableTwoFactor } from './Mutation/disableTwoFactor';
import { login } from './Mutation/login';
import { logout } from './Mutation/logout';
import { refreshSession } from './Mutation/refreshSession';
import { regenerateRecoveryCodes } from './Mutation/regenerateRecoveryCodes';
import { requestPasswordReset } from './Mutation/requestPasswordReset';
import { resetPassword } from './Mutation/resetPassword';
import { register } from './Mutation/register';
import { registerOAuthClient } from './Mutation/registerOAuthClient';
import { revokeAppAuthorization } from './Mutation/revokeAppAuthorization';
import { revokeOtherSessions } from './Mutation/revokeOtherSessions';
import { revokeSession } from './Mutation/revokeSession';
import { revokeUserSessions } from './Mutation/revokeUserSessions';
import { rotateOAuthClientSecret } from './Mutation/rotateOAuthClientSecret';
import { setTimeZone } from './Mutation/setTimeZone';
import { setUserRoles } from './Mutation/setUserRoles';
import { stepUp } from './Mutation/stepUp';
import { switchOrganization } from './Mutation/switchOrganization';
import { OAuthClient } from './OAuthClient';
import { externalIdentityProviders } from './Query/externalIdentityProviders';
import { me } from './Query/me';
import { oauthClients } from './Query/oauthClients';
import { user } from './Query/user';
import { users } from './Query/users';
import { Session } from './Session';
import { TwoFactorStatus } from './TwoFactorStatus';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { me, user, users, oauthClients, externalIdentityProviders },
  Mutation: {
    register,
    confirmSignUp,
    requestPasswordReset,
    resetPassword,
    login,
    completeLogin,
    beginExternalSignIn,
    completeExternalSignIn,
    refreshSession,
    logout,
    changePassword,
    deleteAccount,
    setTimeZone,
    setUserRoles,
    beginTotpEnrollment,
    confirmTotpEnrollment,
    disableTwoFactor,
    regenerateRecoveryCodes,
    stepUp,
    switchOrganization,
    revokeSession,
    revokeOtherSessions,
    revokeUserSessions,
    revokeAppAuthorization,
    registerOAuthClient,
    rotateOAuthClientSecret,
    deleteOAuthClient,
  },
  User,
  Session,
  TwoFactorStatus,
  AuthorizedApp,
  OAuthClient,
};
