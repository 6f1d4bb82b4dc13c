import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { seedChat } from './seed';

export default defineSubgraph(import.meta.url, {
  // Consumes account.deleted (and its own live events): admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedChat,
  build: buildSubgraph,
});
