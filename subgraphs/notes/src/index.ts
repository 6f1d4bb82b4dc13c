import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { notesEnv } from './env';
import { seedNotes } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'notes:read': { description: 'Read and search your notes.', roles: ['user'] },
    'notes:write': { description: 'Create, change, tag, pin, archive, share and delete your notes, and co-edit notes shared with you.', roles: ['user'] },
  },
  settings: notesEnv,
  deployment: {
    // Public read-only share links at /notes/shared/<token>. A whole-segment prefix: a short link
    // /notesy still goes to links (which must reserve "notes").
    publicPaths: ['/notes'],
    // Tickets for attached files (docs/adr/0012-file-attachments.md): the same value as files'.
    secrets: { ATTACHMENT_TICKET_SECRET: 'openssl rand -base64 48 (the same value for files, chat and notes)' },
  },
  seed: seedNotes,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  // Tenant-scoped rows under row-level security: requests connect as the non-owner app role.
  rowLevelSecurity: true,
  build: buildSubgraph,
});
