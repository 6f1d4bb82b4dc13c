import { asc, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteCrdtUpdates, notes } from './tables';

/** What a note's co-editing document is made of: the compacted state and the updates applied since. */
export interface StoredDocument {
  state: Buffer | null;
  updates: Buffer[];
  /** The body as stored, which a document not yet created starts from. */
  body: string;
}

/**
 * Reads the document of a note the transaction can see and, with `lock`, locks the note row, so
 * applying an update (read, merge, write) is serialised per note across replicas.
 */
export async function loadDocument(db: Db, noteId: string, lock: boolean): Promise<StoredDocument | undefined> {
  const query = db.select({ state: notes.crdtState, body: notes.body }).from(notes).where(eq(notes.id, noteId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return undefined;
  const updates = await db.select({ update: noteCrdtUpdates.update }).from(noteCrdtUpdates).where(eq(noteCrdtUpdates.noteId, noteId)).orderBy(asc(noteCrdtUpdates.id));
  return { state: row.state, body: row.body, updates: updates.map((u) => u.update) };
}

export async function insertUpdate(db: Db, update: typeof noteCrdtUpdates.$inferInsert): Promise<void> {
  await db.insert(noteCrdtUpdates).values(update);
}

/** Replaces the state by `state` and drops the updates folded into it. */
export async function compactDocument(db: Db, noteId: string, state: Buffer): Promise<void> {
  await db.update(notes).set({ crdtState: state }).where(eq(notes.id, noteId));
  await db.delete(noteCrdtUpdates).where(eq(noteCrdtUpdates.noteId, noteId));
}
