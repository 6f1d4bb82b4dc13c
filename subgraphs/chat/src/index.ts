import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type ChatDeps } from './build';

export const chat = defineSubgraph<ChatDeps>(import.meta.url, { name: 'chat', defaultPort: 4004, typeDefs, build: buildSubgraph });

export type { ChatDeps } from './build';
