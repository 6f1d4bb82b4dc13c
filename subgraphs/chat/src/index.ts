import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { chatEnv } from './env';
import { seedChat } from './seed';

export default defineSubgraph(import.meta.url, {
  // Consumes account.deleted (and its own live events): admins see and replay its dead letters.
  deadLetterAdmin: true,
  settings: chatEnv,
  seed: seedChat,
  build: buildSubgraph,
});

export type { BuiltChat } from './build';
