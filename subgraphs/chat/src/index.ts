import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type ChatDeps } from './build';

export const chat: SubgraphModule<ChatDeps> = {
  name: 'chat',
  defaultPort: 4004,
  typeDefs,
  migrations: { schema: 'chat', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) },
  build: buildSubgraph,
};

export type { ChatDeps } from './build';
