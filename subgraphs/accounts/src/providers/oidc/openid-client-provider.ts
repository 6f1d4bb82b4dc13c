import * as oidc from 'openid-client';
import { ExternalSignInFailed, type AuthorizationRequest, type ExternalIdentity, type ExternalIdentityProvider, type ExternalProviderConfig } from './external-provider';

/**
 * The real client. Discovery is fetched on first use (and again after a failure), so accounts
 * starts even while a provider is unreachable. Plain-http issuers are allowed only on loopback
 * (local test and development providers).
 */
export function openIdClientProvider(config: ExternalProviderConfig): ExternalIdentityProvider {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= discover(config).catch((error: unknown) => {
      discovered = undefined;
      throw new ExternalSignInFailed(`${config.name} cannot be reached right now (${(error as Error).message}).`);
    });
    return discovered;
  };
  return {
    id: config.id,
    name: config.name,
    redirectUris: config.redirectUris,
    async authorizationUrl(request: AuthorizationRequest) {
      return oidc
        .buildAuthorizationUrl(await configuration(), {
          redirect_uri: request.redirectUri,
          scope: 'openid email profile',
          response_type: 'code',
          state: request.state,
          nonce: request.nonce,
          code_challenge: request.codeChallenge,
          code_challenge_method: 'S256',
        })
        .toString();
    },
    async identityFromCallback(callbackUrl, checks): Promise<ExternalIdentity> {
      let tokens;
      try {
        tokens = await oidc.authorizationCodeGrant(await configuration(), callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof ExternalSignInFailed) throw error;
        throw new ExternalSignInFailed(`${config.name} did not confirm the sign-in (${(error as Error).message}).`);
      }
      const claims = tokens.claims();
      if (!claims?.sub) throw new ExternalSignInFailed(`${config.name} sent no ID token.`);
      return {
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' ? claims.name : null,
      };
    },
  };
}

async function discover(config: ExternalProviderConfig): Promise<oidc.Configuration> {
  const issuer = new URL(config.issuer);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  return oidc.discovery(issuer, config.clientId, { client_secret: config.clientSecret }, oidc.ClientSecretPost(config.clientSecret), {
    ...(issuer.protocol === 'http:' && loopback ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 10,
  });
}
