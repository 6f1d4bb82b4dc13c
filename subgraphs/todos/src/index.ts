import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type TodosDeps } from './build';

export const todos: SubgraphModule<TodosDeps> = {
  name: 'todos',
  defaultPort: 4002,
  typeDefs,
  migrations: { schema: 'todos', folder: fileURLToPath(new URL('../drizzle', import.meta.url)) },
  build: buildSubgraph,
};

export type { TodosDeps } from './build';
