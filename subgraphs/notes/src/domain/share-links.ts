import { createHash, randomBytes } from 'node:crypto';
import { AppError, ForbiddenError, NotFoundError, UserInputError, refreshLoaders, uuidv7, withTenant, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { findNotesByIds } from '../data/notes-repo';
import { findShareLinkByTokenHash, insertShareLink, revokeShareLink as revoke } from '../data/share-links-repo';
import type { NoteRow, NoteShareLinkRow } from '../data/tables';
import { accessTo } from './access';

type ShareLinkContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>;

const MIN_EXPIRY_SECONDS = 60;
const MAX_EXPIRY_SECONDS = 366 * 86_400;
/** 24 random bytes: 32 base64url characters, 192 bits — not guessable, not enumerable. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const sharedNotePath = (token: string) => `/notes/shared/${token}`;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A share link that does not (or no longer) lead to a note: NOT_FOUND with the reason, so a reader knows what happened. */
export class ShareLinkUnavailableError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(readonly reason: 'UNKNOWN' | 'REVOKED' | 'EXPIRED', message: string) {
    super(message, { entity: 'NoteShareLink', reason }, 'NOT_FOUND');
  }
}

export interface CreatedShareLink {
  link: NoteShareLinkRow;
  token: string;
  url: string;
}

async function ownNote(ctx: ShareLinkContext, noteId: string): Promise<NoteRow> {
  const found = await accessTo(ctx, noteId);
  if (!found) throw new NotFoundError('Note');
  if (found.access !== 'owner') throw new ForbiddenError('Only the note\'s owner makes or revokes its public links.');
  return found.note;
}

/**
 * `createNoteShareLink`: a public read-only link to the owner's personal note, valid until
 * `expiresInSeconds` from now (or until revoked). The token is returned once and stored only as
 * a hash. Organisation notes are shared within the organisation, not publicly.
 */
export async function createShareLink(ctx: ShareLinkContext, noteId: string, expiresInSeconds: number | null | undefined): Promise<CreatedShareLink> {
  const userId = ctx.auth.require('notes:write').userId;
  if (expiresInSeconds != null && (!Number.isInteger(expiresInSeconds) || expiresInSeconds < MIN_EXPIRY_SECONDS || expiresInSeconds > MAX_EXPIRY_SECONDS)) {
    throw new UserInputError(`expiresInSeconds: between ${MIN_EXPIRY_SECONDS} and ${MAX_EXPIRY_SECONDS} (366 days), or omitted for a link that lasts until revoked.`, 'expiresInSeconds');
  }
  const note = await ownNote(ctx, noteId);
  if (note.tenantId !== null) throw new UserInputError('noteId: this note belongs to an organisation and is shared within it; public links are for personal notes.', 'noteId');
  const now = ctx.now();
  const token = randomBytes(24).toString('base64url');
  const link = await ctx.db.run((tx) =>
    insertShareLink(tx, {
      id: uuidv7(now.getTime()),
      noteId,
      tokenHash: hashOf(token),
      createdBy: userId,
      createdAt: now,
      expiresAt: expiresInSeconds == null ? null : new Date(now.getTime() + expiresInSeconds * 1000),
      revokedAt: null,
    }),
  );
  refreshLoaders(ctx.loaders);
  return { link, token, url: `${ctx.settings.publicUrl}${sharedNotePath(token)}` };
}

/** `revokeNoteShareLink`: the link stops working at once (idempotent). */
export async function revokeShareLink(ctx: ShareLinkContext, linkId: string): Promise<NoteShareLinkRow> {
  ctx.auth.require('notes:write');
  const link = await ctx.loaders.shareLinkById.load(linkId);
  if (!link) throw new NotFoundError('NoteShareLink');
  await ownNote(ctx, link.noteId).catch((error: unknown) => {
    throw error instanceof ForbiddenError ? error : new NotFoundError('NoteShareLink');
  });
  const revoked = await ctx.db.run((tx) => revoke(tx, linkId, ctx.now()));
  if (!revoked) throw new NotFoundError('NoteShareLink');
  refreshLoaders(ctx.loaders);
  return revoked;
}

/** `Note.shareLinks`: the owner's, newest first; null for anyone else. */
export async function shareLinksOf(ctx: Pick<Context, 'auth' | 'loaders'>, note: NoteRow): Promise<NoteShareLinkRow[] | null> {
  return (await accessTo(ctx, note.id))?.access === 'owner' ? ctx.loaders.shareLinksOfNote.load(note.id) : null;
}

/**
 * What a public link shows, for anyone with the token (no sign-in): the link is found by the hash
 * of its token, then the note is read bound to the link's creator — so row-level security still
 * decides, and a note its owner lost (deleted, account gone) is gone from the link too.
 */
export async function readSharedNote(db: Db, token: string, now: Date): Promise<NoteRow> {
  const unknown = () => new ShareLinkUnavailableError('UNKNOWN', 'No note is shared at this link: check that it was copied whole, or ask the note\'s owner for a new one.');
  if (!TOKEN_PATTERN.test(token)) throw unknown();
  const link = await findShareLinkByTokenHash(db, hashOf(token));
  if (!link) throw unknown();
  if (link.revokedAt) throw new ShareLinkUnavailableError('REVOKED', 'This share link was revoked by the note\'s owner; ask them for a new one.');
  if (link.expiresAt && link.expiresAt <= now) throw new ShareLinkUnavailableError('EXPIRED', `This share link expired at ${link.expiresAt.toISOString()}; ask the note's owner for a new one.`);
  const [note] = await withTenant(db, { userId: link.createdBy, tenantId: null, admin: false }, (tx) => findNotesByIds(tx, [link.noteId]));
  if (!note || note.ownerId !== link.createdBy) throw unknown();
  return note;
}
