import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { seedNotes } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'notes:read': { description: 'Read and search your notes.', roles: ['user'] },
    'notes:write': { description: 'Create, change, tag, pin, archive and delete your notes.', roles: ['user'] },
  },
  seed: seedNotes,
  build: buildSubgraph,
});
