import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What an attaching subgraph (the authority on who may read the thing a file is attached to)
 * vouches for: `ownerId` attached their file `fileId` to `context` (an opaque string such as
 * "<subgraph>.<kind>:<id>", only logged by files), and `readerId` may read it until `expiresAt`
 * (seconds). `readerId` null: whoever holds the ticket (an image URL in rendered HTML, a public
 * share view) — so such tickets are short-lived, like files' own signed URLs.
 */
export interface AttachmentTicket {
  fileId: string;
  ownerId: string;
  context: string;
  readerId: string | null;
  expiresAt: number;
}

const fields = z.tuple([z.uuid(), z.uuid(), z.string().min(1).max(200), z.uuid().nullable(), z.number().int()]);

/**
 * HMAC-SHA256 tickets over ATTACHMENT_TICKET_SECRET, shared by files (which verifies) and the
 * subgraphs that attach files (which issue). Files honours a ticket only while the file's owner is
 * still the ticket's `ownerId`, so a ticket can never open someone else's file.
 */
export class AttachmentTickets {
  constructor(private readonly secret: string) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`mosaic-attachment-ticket:${payload}`).digest('base64url');
  }

  issue(ticket: AttachmentTicket): string {
    const payload = Buffer.from(JSON.stringify([ticket.fileId, ticket.ownerId, ticket.context, ticket.readerId, ticket.expiresAt])).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The ticket, if its signature holds and it has not expired at `now`; null otherwise. */
  check(token: string, now: Date): AttachmentTicket | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const result = fields.safeParse(parsed);
    if (!result.success) return null;
    const [fileId, ownerId, context, readerId, expiresAt] = result.data;
    if (expiresAt * 1000 <= now.getTime()) return null;
    return { fileId, ownerId, context, readerId, expiresAt };
  }
}

/** Used outside production when ATTACHMENT_TICKET_SECRET is unset (files, chat and notes must agree). */
const DEV_TICKET_SECRET = 'mosaic-dev-only-attachment-ticket-secret-change-me';

/** The setting every party reads: merge into the subgraph's env schema. */
export const attachmentTicketEnv = {
  ATTACHMENT_TICKET_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
};

/** The secret to use: the setting, or the dev constant — never in production. */
export function attachmentTicketSecret(nodeEnv: string | undefined, secret: string | undefined): string {
  if (secret) return secret;
  if (nodeEnv === 'production') throw new Error('ATTACHMENT_TICKET_SECRET must be set in production (the same value for files and every subgraph that attaches files).');
  return DEV_TICKET_SECRET;
}
