import type { AttachmentTicket, AttachmentTickets } from './tickets';

/** How long a ticket issued for one response lives: the gateway resolves it at once. */
export const REFERENCE_TICKET_SECONDS = 120;

/**
 * A `File` entity reference by its second key: the gateway asks files for it with the ticket,
 * and files resolves it for the ticket's reader (a signed-in viewer, or anyone for `readerId` null).
 */
export interface AttachmentReference {
  __typename: 'File';
  attachmentTicket: string;
}

export function attachmentReference(tickets: AttachmentTickets, ticket: Omit<AttachmentTicket, 'expiresAt'>, now: Date): AttachmentReference {
  return { __typename: 'File', attachmentTicket: tickets.issue({ ...ticket, expiresAt: Math.floor(now.getTime() / 1000) + REFERENCE_TICKET_SECONDS }) };
}

/**
 * A URL anyone holding it may open until `seconds` from now (an `<img src>` in rendered HTML):
 * files checks the ticket and redirects to a signed download of the original, inline. `origin`
 * is the gateway's public origin (files serves `/files` there).
 */
export function attachmentUrl(tickets: AttachmentTickets, origin: string, ticket: Omit<AttachmentTicket, 'expiresAt' | 'readerId'>, now: Date, seconds: number): string {
  const token = tickets.issue({ ...ticket, readerId: null, expiresAt: Math.floor(now.getTime() / 1000) + seconds });
  return `${origin}/files/t/${token}`;
}
