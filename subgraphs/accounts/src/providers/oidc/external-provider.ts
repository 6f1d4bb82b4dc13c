/**
 * Sign-in with an external OpenID Connect provider (Google, GitHub through an OIDC bridge, a
 * company's Keycloak…). One interface; the real client speaks the OIDC wire protocol through
 * panva's `openid-client` (discovery, authorization code + PKCE + nonce, ID token validation).
 * The offline default is no provider at all: with EXTERNAL_OIDC_PROVIDERS unset the feature is off.
 */
export interface ExternalProviderConfig {
  /** Short id used in the API, e.g. "google". */
  id: string;
  /** Shown to users, e.g. "Google". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider may send the browser back (the frontend's callback pages). */
  redirectUris: string[];
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

export interface ExternalIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface ExternalIdentityProvider {
  readonly id: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /** Exchanges the code in the callback URL; checks state, PKCE and the ID token's nonce. */
  identityFromCallback(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<ExternalIdentity>;
}

export class ExternalSignInFailed extends Error {}
