import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type AccountsDeps } from './build';

export const accounts: SubgraphModule<AccountsDeps> = {
  name: 'accounts',
  defaultPort: 4001,
  typeDefs,
  migrations: { schema: 'accounts', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) },
  build: buildSubgraph,
};

export type { AccountsDeps } from './build';
export { loadSigningKeys, generateSigningKey, type SigningKeys } from './domain/signing-keys';
export { tokensEnv, type TokensConfig } from './env';
export { grantRole } from './domain/seed';
