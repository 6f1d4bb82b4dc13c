import type { ServerResponse } from 'node:http';
import type { AttachmentTickets } from '../attachments/tickets';
import { findFilesByIds } from '../data/file-repo';
import type { UrlSigner } from '../domain/signed-urls';
import type { FilesRuntime } from '../runtime';
import { sendError } from './respond';

/**
 * `/files/t/<ticket>`: an attached file's URL that another subgraph put into HTML (a note's inline
 * image). Only bearer tickets (no reader: an `<img>` request carries no identity) whose attacher
 * still owns the file; it redirects to a signed inline download that expires with the ticket.
 */
export async function serveAttachment(runtime: Pick<FilesRuntime, 'db' | 'now'>, signer: UrlSigner, tickets: AttachmentTickets, token: string, res: ServerResponse): Promise<void> {
  const ticket = tickets.check(token, runtime.now());
  const [row] = ticket && ticket.readerId === null ? await findFilesByIds(runtime.db, [ticket.fileId]) : [];
  if (!ticket || !row || row.ownerId !== ticket.ownerId) {
    return sendError(res, 403, 'ATTACHMENT_UNAVAILABLE', 'This attachment link is invalid or expired, or the file is gone; reload the page it came from.');
  }
  res.writeHead(302, { location: signer.url({ fileId: row.id, variant: 'original', disposition: 'inline', expiresAt: ticket.expiresAt }), 'cache-control': 'no-store' });
  res.end();
}
