import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type TodosDeps } from './build';

export const todos = defineSubgraph<TodosDeps>(import.meta.url, { name: 'todos', defaultPort: 4002, typeDefs, build: buildSubgraph });

export type { TodosDeps } from './build';
