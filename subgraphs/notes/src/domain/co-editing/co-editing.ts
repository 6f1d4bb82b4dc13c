import * as Y from 'yjs';
import { ForbiddenError, NotFoundError, UserInputError, refreshLoaders, uuidv7, written, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { compactDocument, insertUpdate, loadDocument } from '../../data/crdt-repo';
import { setBodyFromDocument } from '../../data/notes-repo';
import type { NoteRow } from '../../data/tables';
import { accessTo, type AccessibleNote } from '../access';
import { bodySchema } from '../note-text';
import { saveRevision } from '../revision-recording';
import { applyClientUpdate, decodeBase64, documentOf, encodeBase64, initialState, missingFor, textOf } from './yjs-document';
import { noteTopic, type NoteUpdatePayload } from './topic';

type CoEditContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'pubsub' | 'settings'>;

const MAX_ORIGIN_LENGTH = 64;

/** The note, if the viewer may read it (NOT_FOUND otherwise) and, for `edit`, change it (FORBIDDEN for read-only access). */
export async function requireAccess(ctx: Pick<Context, 'auth' | 'loaders'>, noteId: string, need: 'read' | 'edit'): Promise<AccessibleNote> {
  const found = await accessTo(ctx, noteId);
  if (!found) throw new NotFoundError('Note');
  if (need === 'edit' && found.access === 'viewer') {
    throw new ForbiddenError('You may read this note but not change it: ask its owner to share it with you as an editor.');
  }
  return found;
}

/**
 * The document for a change, with the note row locked until the transaction ends (one writer at a
 * time per note, on any replica). A note co-edited for the first time gets its initial state stored,
 * so the state its body started from is fixed before the body moves.
 */
export async function openForWrite(tx: Db, noteId: string): Promise<{ doc: Y.Doc; storedUpdates: number }> {
  const stored = await loadDocument(tx, noteId, true);
  if (!stored) throw new NotFoundError('Note');
  if (!stored.state) {
    const state = Buffer.from(initialState(noteId, stored.body));
    await compactDocument(tx, noteId, state);
    stored.state = state;
  }
  return { doc: documentOf(noteId, stored), storedUpdates: stored.updates.length };
}

/**
 * Stores `update` (already applied to `doc`), compacts the document when enough updates piled up,
 * and moves the body to the document's text when it changed. Returns the note as written (undefined
 * when the text did not change).
 */
export async function recordUpdate(
  ctx: Pick<CoEditContext, 'now' | 'settings'>,
  tx: Db,
  target: DocumentTarget & { previousText: string },
  update: Uint8Array,
): Promise<NoteRow | undefined> {
  await storeUpdate(ctx, tx, target, update);
  const text = textOf(target.doc);
  return text === target.previousText ? undefined : setBodyFromDocument(tx, target.noteId, text, ctx.now());
}

export interface DocumentTarget {
  noteId: string;
  authorId: string;
  doc: Y.Doc;
  storedUpdates: number;
}

/** Appends the update, or folds the document into one snapshot when `crdtCompactEvery` updates piled up. */
export async function storeUpdate(ctx: Pick<CoEditContext, 'now' | 'settings'>, tx: Db, target: DocumentTarget, update: Uint8Array): Promise<void> {
  const now = ctx.now();
  if (target.storedUpdates + 1 >= ctx.settings.crdtCompactEvery) {
    await compactDocument(tx, target.noteId, Buffer.from(Y.encodeStateAsUpdate(target.doc)));
  } else {
    await insertUpdate(tx, { id: uuidv7(now.getTime()), noteId: target.noteId, update: Buffer.from(update), authorId: target.authorId, createdAt: now });
  }
}

/** Sends an update to the note's live subscribers (after its transaction committed). */
export async function broadcast(ctx: Pick<Context, 'pubsub'>, payload: NoteUpdatePayload): Promise<void> {
  await ctx.pubsub.publish(noteTopic(payload.noteId), payload);
}

export interface ApplyNoteUpdateInput {
  update: string;
  stateVector?: string | null | undefined;
  origin?: string | null | undefined;
}

export interface NoteSyncResult {
  note: NoteRow;
  update: string | null;
  stateVector: string;
}

/**
 * `applyNoteUpdate`: merges a co-editor's Yjs update into the note's document (the CRDT keeps
 * everyone's concurrent edits), stores it, makes the body follow, and broadcasts it. Only the owner
 * and editors (FORBIDDEN for readers, NOT_FOUND for anyone else); an update whose text would break
 * the body's rules (length, control characters) is refused and changes nothing.
 */
export async function applyNoteUpdate(ctx: CoEditContext, noteId: string, input: ApplyNoteUpdateInput): Promise<NoteSyncResult> {
  const authorId = ctx.auth.require('notes:write').userId;
  const update = decodeBase64(input.update, 'update');
  if (input.origin && input.origin.length > MAX_ORIGIN_LENGTH) throw new UserInputError(`origin: at most ${MAX_ORIGIN_LENGTH} characters.`, 'origin');
  if (input.stateVector) decodeBase64(input.stateVector, 'stateVector');
  const { note: before } = await requireAccess(ctx, noteId, 'edit');
  const result = await ctx.db.run(async (tx) => {
    const { doc, storedUpdates } = await openForWrite(tx, noteId);
    const previousText = textOf(doc);
    applyClientUpdate(doc, update, 'update');
    const body = bodySchema.safeParse(textOf(doc));
    if (!body.success) throw new UserInputError(`update: the note's text ${body.error.issues[0]?.message ?? 'is not valid'}; nothing was applied.`, 'update');
    const note = await recordUpdate(ctx, tx, { noteId, authorId, doc, storedUpdates, previousText }, update);
    if (note) await saveRevision(ctx, tx, note, authorId);
    return {
      note: note ?? before,
      update: input.stateVector ? encodeBase64(missingFor(doc, input.stateVector, 'stateVector')) : null,
      stateVector: encodeBase64(Y.encodeStateVector(doc)),
    };
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, result.note.id, result.note));
  await broadcast(ctx, { noteId, update: input.update, origin: input.origin ?? null, authorId, sync: false });
  return result;
}

/** `noteDocument`: what the client's state vector lacks of a note it may read. */
export async function noteDocument(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, noteId: string, stateVector: string | null | undefined) {
  if (stateVector) decodeBase64(stateVector, 'stateVector');
  await requireAccess(ctx, noteId, 'read');
  const stored = await ctx.db.run((tx) => loadDocument(tx, noteId, false));
  if (!stored) throw new NotFoundError('Note');
  const doc = documentOf(noteId, stored);
  return { update: encodeBase64(missingFor(doc, stateVector, 'stateVector')), stateVector: encodeBase64(Y.encodeStateVector(doc)) };
}
