import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type AccountsDeps } from './build';

export const accounts = defineSubgraph<AccountsDeps>(import.meta.url, { name: 'accounts', defaultPort: 4001, typeDefs, build: buildSubgraph });

export type { AccountsDeps } from './build';
export { loadSigningKeys, generateSigningKey, type SigningKeys } from './domain/signing-keys';
export { tokensEnv, identityEnv, type TokensConfig, type IdentityConfig } from './env';
export { loadIdentitySettings, type IdentitySettings } from './domain/identity-settings';
export { totpCodeAt } from './domain/two-factor/totp';
export { grantRole } from './domain/seed';
