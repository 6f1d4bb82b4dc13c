import type { Db, FieldCipher, Outbox, RequestContext } from '@mosaic/kit';
import type { Loaders } from './data/loaders';
import type { SigningKeys } from './domain/signing-keys';
import type { TokenSettings } from './domain/tokens';
import type { Mailer } from '@mosaic/kit';
import type { ExternalIdentityProvider } from './providers/oidc/external-provider';
import type { accountEvents } from './events';

/** What accounts' domain functions need beyond the request: the database and token material. */
export interface AccountsServices {
  db: Db;
  keys: SigningKeys;
  tokenSettings: TokenSettings;
  /** Encrypts TOTP seeds at rest. */
  fieldCipher: FieldCipher;
  /** The issuer name authenticator apps show beside the account (e.g. "Mosaic"). */
  twoFactorIssuer: string;
  externalProviders: readonly ExternalIdentityProvider[];
  /** Sign-up codes and password resets. */
  mailer: Mailer;
  /** `verify-email`: register mails a code (and never tells whether an email has an account). */
  signUpMode: 'instant' | 'verify-email';
  /** Injected so tests can move time (token expiry, lockouts). */
  now: () => Date;
  /** accounts' events (account.deleted), written in the transaction of the change. */
  events: Outbox<typeof accountEvents>;
}

export interface Context extends RequestContext, AccountsServices {
  loaders: Loaders;
  /**
   * Users who signed in (register, login, refresh) during this request: the `self` policy lets
   * the response of that mutation show their own email and roles before a token is sent.
   */
  signedIn: Set<string>;
}
