import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, typeDefs, type NotesDeps } from './build';

export const notes = defineSubgraph<NotesDeps>(import.meta.url, { name: 'notes', defaultPort: 4003, typeDefs, build: buildSubgraph });

export type { NotesDeps } from './build';
