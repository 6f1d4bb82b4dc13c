import { z } from 'zod';
import { attachmentTicketEnv, attachmentTicketSecret } from '@mosaic/files/attachments';

/** Notes' own variables (README: Configuration). Defaults suit a local `pnpm start`. */
export const notesEnv = z
  .object({
    /** Origin share links are served at (the gateway's, or the ingress host): `<origin>/notes/shared/<token>`. */
    NOTES_PUBLIC_URL: z.url().default('http://localhost:4000'),
    /**
     * Co-editing: after this many stored Yjs updates a note's document is compacted into one
     * snapshot (fewer rows to read per edit, history of intermediate states dropped).
     */
    NOTES_CRDT_COMPACT_EVERY: z.coerce.number().int().min(1).max(10_000).default(100),
    /** Revision history: edits by one person within this many seconds of a revision's start are one revision (Joplin's default: 10 minutes). */
    NOTES_REVISION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
    /** Revision history: revisions older than this many days are dropped (Joplin's default: 90). */
    NOTES_REVISION_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
    /** Awareness: a co-editor's cursor is forgotten this long after its last publish (clients republish at half of it; y-protocols' 30 s). */
    NOTES_AWARENESS_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
    /** Lifetime of the URL of an attached image inline in a note's HTML (anyone holding it may open it until then). */
    NOTES_ATTACHMENT_URL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    NODE_ENV: z.string().default('development'),
    ...attachmentTicketEnv,
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.ATTACHMENT_TICKET_SECRET, { message: 'ATTACHMENT_TICKET_SECRET must be set in production', path: ['ATTACHMENT_TICKET_SECRET'] })
  .transform((e) => ({
    publicUrl: e.NOTES_PUBLIC_URL.replace(/\/+$/, ''),
    crdtCompactEvery: e.NOTES_CRDT_COMPACT_EVERY,
    awarenessTimeoutMs: e.NOTES_AWARENESS_TIMEOUT_SECONDS * 1000,
    revisions: { intervalMs: e.NOTES_REVISION_INTERVAL_SECONDS * 1000, retentionMs: e.NOTES_REVISION_RETENTION_DAYS * 86_400_000 },
    attachments: { ticketSecret: attachmentTicketSecret(e.NODE_ENV, e.ATTACHMENT_TICKET_SECRET), urlSeconds: e.NOTES_ATTACHMENT_URL_SECONDS },
  }));

export type NotesSettings = z.output<typeof notesEnv>;
