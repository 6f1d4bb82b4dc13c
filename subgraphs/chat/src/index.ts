import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { chatEnv } from './env';
import { seedChat } from './seed';

export default defineSubgraph(import.meta.url, {
  // Consumes account.deleted (and its own live events): admins see and replay its dead letters.
  deadLetterAdmin: true,
  settings: chatEnv,
  // Tickets for files attached to messages (docs/adr/0012-file-attachments.md): the same value as files'.
  deployment: { secrets: { ATTACHMENT_TICKET_SECRET: 'openssl rand -base64 48 (the same value for files, chat and notes)' } },
  seed: seedChat,
  build: buildSubgraph,
});

export type { BuiltChat } from './build';
