import type { AttachmentTickets } from '../attachments/tickets';
import type { Loaders } from '../data/loaders';
import type { FileRow } from '../data/tables';
import type { Viewer } from '@mosaic/kit';

/**
 * A file reached through an attachment ticket: the attaching subgraph decided the reader may see
 * the thing the file is attached to; files adds its own rule — the ticket's attacher must still
 * own the file — so a ticket never opens anyone else's file, whatever the issuer claims. A ticket
 * bound to a reader works only for that signed-in reader. Anything wrong resolves to null, as for
 * a missing file.
 */
export async function findAttachedFile(
  ctx: { viewer: Viewer | null; loaders: Pick<Loaders, 'fileById'>; tickets: AttachmentTickets; now: () => Date },
  token: string,
): Promise<FileRow | null> {
  const ticket = ctx.tickets.check(token, ctx.now());
  if (!ticket) return null;
  if (ticket.readerId !== null && ticket.readerId !== ctx.viewer?.userId) return null;
  const row = await ctx.loaders.fileById.load(ticket.fileId);
  return row && row.ownerId === ticket.ownerId ? row : null;
}
