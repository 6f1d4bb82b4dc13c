import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type NotesDeps } from './build';

export const notes: SubgraphModule<NotesDeps> = {
  name: 'notes',
  defaultPort: 4003,
  typeDefs,
  migrations: { schema: 'notes', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) },
  build: buildSubgraph,
};

export type { NotesDeps } from './build';
