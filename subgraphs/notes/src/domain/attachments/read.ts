import { decodeId, withTenant, type Db } from '@mosaic/kit';
import { attachmentReference, attachmentUrl, type AttachmentReference, type AttachmentTickets } from '@mosaic/files/attachments';
import { renderDocumentMarkdown } from '@mosaic/markdown';
import type { Context } from '../../context';
import type { NoteAttachment } from '../../data/attachment-tables';
import { findAttachmentsOf } from '../../data/attachments-repo';
import type { NoteRow } from '../../data/tables';
import type { NotesSettings } from '../../env';
import { accessTo } from '../access';

/** The opaque context files sees in tickets (only logged there). */
const contextOf = (noteId: string) => `notes.note:${noteId}`;

/** `![alt](attachment:<File id>)`: the markdown syntax of an attached image. */
export const ATTACHMENT_SCHEME = 'attachment:';

type ReadContext = Pick<Context, 'auth' | 'viewer' | 'loaders' | 'attachmentLoaders' | 'tickets' | 'now'>;

/**
 * `Note.attachments`: `File` references files resolves for this viewer, who may read the note
 * (owner, collaborator, organisation member) — checked again here, as a note reaches the viewer
 * by several paths. Someone unshared gets nothing (tickets handed out expire within minutes).
 */
export async function attachmentsOf(ctx: ReadContext, note: NoteRow): Promise<AttachmentReference[]> {
  const viewerId = ctx.viewer?.userId;
  if (!viewerId || !(await accessTo(ctx, note.id))) return [];
  const now = ctx.now();
  return (await ctx.attachmentLoaders.ofNote.load(note.id)).map((row) =>
    attachmentReference(ctx.tickets, { fileId: row.fileId, ownerId: row.attachedBy, context: contextOf(note.id), readerId: viewerId }, now),
  );
}

/** Rewrites `attachment:<File id>` of an attached image into a bearer URL that lives `seconds`; anything else is dropped. */
function imageSources(tickets: AttachmentTickets, settings: Pick<NotesSettings, 'publicUrl' | 'attachments'>, noteId: string, attachments: readonly NoteAttachment[], now: Date) {
  return (src: string): string | null => {
    if (!src.startsWith(ATTACHMENT_SCHEME)) return src;
    let fileId: string;
    try {
      fileId = decodeId('File', decodeURIComponent(src.slice(ATTACHMENT_SCHEME.length)));
    } catch {
      return null;
    }
    const attachment = attachments.find((row) => row.fileId === fileId && row.contentType.startsWith('image/'));
    if (!attachment) return null;
    return attachmentUrl(tickets, settings.publicUrl, { fileId, ownerId: attachment.attachedBy, context: contextOf(noteId) }, now, settings.attachments.urlSeconds);
  };
}

/**
 * A note's sanitised HTML for someone who may read it, its attached images inline as short-lived
 * URLs (NOTES_ATTACHMENT_URL_SECONDS): an `<img>` request carries no identity, so the URL itself
 * is the grant, like files' own signed URLs.
 */
export async function noteHtml(ctx: ReadContext & Pick<Context, 'settings'>, note: NoteRow): Promise<string> {
  const attachments = note.body.includes(ATTACHMENT_SCHEME) ? await ctx.attachmentLoaders.ofNote.load(note.id) : [];
  return renderDocumentMarkdown(note.body, { rewriteImageSource: imageSources(ctx.tickets, ctx.settings, note.id, attachments, ctx.now()) });
}

/**
 * The HTML of a note opened through a public share link (`sharedNote`, the share page). The link
 * was checked by `readSharedNote`; its attachments are read bound to the note's owner (who made
 * the link), as the note was. A revoked or expired link never gets here, so its viewers get no
 * new image URLs; those already handed out expire within NOTES_ATTACHMENT_URL_SECONDS.
 */
export async function sharedNoteHtml(deps: { db: Db; tickets: AttachmentTickets; settings: Pick<NotesSettings, 'publicUrl' | 'attachments'>; now: () => Date }, note: NoteRow): Promise<string> {
  const attachments = note.body.includes(ATTACHMENT_SCHEME)
    ? await withTenant(deps.db, { userId: note.ownerId, tenantId: null, admin: false }, (tx) => findAttachmentsOf(tx, [note.id]))
    : [];
  return renderDocumentMarkdown(note.body, { rewriteImageSource: imageSources(deps.tickets, deps.settings, note.id, attachments, deps.now()) });
}
