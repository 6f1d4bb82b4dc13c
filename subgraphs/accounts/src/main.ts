import { createLocalJWKSet } from 'jose';
import { createLogger, createTokenVerifier, runSubgraphService } from '@mosaic/kit';
import { env } from './env';
import { accounts, loadIdentitySettings, loadSigningKeys } from './index';

const config = env();
const log = createLogger('accounts');
const keys = await loadSigningKeys({ ...config.tokens, production: config.runtime.production });
// accounts verifies its own tokens with the local key set: no HTTP call to itself.
const identity = loadIdentitySettings(config.identity, config.runtime.production);
const verifier = createTokenVerifier(
  { jwksUrl: 'local:', issuer: config.tokens.issuer, audience: config.tokens.audience, oauthIssuer: identity.oauthIssuer },
  createLocalJWKSet(keys.jwks),
);
await runSubgraphService({
  module: accounts,
  config,
  log,
  verifier,
  extra: { keys, tokenSettings: config.tokens, identity },
});
