import type { Connection } from '@mosaic/kit';
import type { OAuthClientRow, SessionRow, UserRow } from './data/tables';
import type { AuthorizedApp } from './domain/authorized-apps';
import type { RegisteredClient } from './domain/oauth-clients';
import type { Session } from './domain/sessions';
import type { TwoFactorState } from './domain/two-factor/status';

export type UserMapper = UserRow;
export type AuthPayloadMapper = Session;
export type UserConnectionMapper = Connection<UserRow>;
export type SessionMapper = SessionRow;
export type TwoFactorStatusMapper = TwoFactorState;
export type AuthorizedAppMapper = AuthorizedApp;
export type OAuthClientInfoMapper = { id: string; name: string };
export type OAuthClientMapper = OAuthClientRow;
export type OAuthClientConnectionMapper = Connection<OAuthClientRow>;
export type OAuthClientRegistrationMapper = RegisteredClient;
