import { z } from 'zod';
import { decodeCursor, UserInputError, type CursorValue } from '@mosaic/kit';
import type { Keyset, NoteHit, NoteOrderName } from '../data/note-queries-repo';

/**
 * A cursor is the sort key of a page's last note, led by a tag naming the order it belongs to, so
 * a cursor from one order cannot be misread under another.
 */
const TAG: Record<NoteOrderName, string> = { UPDATED_AT: 'u', CREATED_AT: 'c', TITLE: 't', RELEVANCE: 'r' };

const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const instant = z.iso.datetime();

const keysets = {
  UPDATED_AT: z
    .tuple([z.literal(TAG.UPDATED_AT), z.boolean(), instant, id])
    .transform(([, pinned, updatedAt, noteId]): Keyset => ({ order: 'UPDATED_AT', pinned, updatedAt, id: noteId })),
  CREATED_AT: z
    .tuple([z.literal(TAG.CREATED_AT), instant, id])
    .transform(([, createdAt, noteId]): Keyset => ({ order: 'CREATED_AT', createdAt, id: noteId })),
  TITLE: z
    .tuple([z.literal(TAG.TITLE), z.string().max(1000), id])
    .transform(([, titleKey, noteId]): Keyset => ({ order: 'TITLE', titleKey, id: noteId })),
  RELEVANCE: z
    .tuple([z.literal(TAG.RELEVANCE), z.number().finite(), id])
    .transform(([, rank, noteId]): Keyset => ({ order: 'RELEVANCE', rank, id: noteId })),
} satisfies Record<NoteOrderName, z.ZodType<Keyset>>;

export function cursorKey(order: NoteOrderName, hit: NoteHit): CursorValue[] {
  const { note } = hit;
  switch (order) {
    case 'UPDATED_AT':
      return [TAG.UPDATED_AT, note.pinned, note.updatedAt.toISOString(), note.id];
    case 'CREATED_AT':
      return [TAG.CREATED_AT, note.createdAt.toISOString(), note.id];
    case 'TITLE':
      return [TAG.TITLE, hit.titleKey, note.id];
    case 'RELEVANCE':
      return [TAG.RELEVANCE, hit.rank ?? 0, note.id];
  }
}

export function decodeKeyset(after: string, order: NoteOrderName): Keyset {
  const parsed = keysets[order].safeParse(decodeCursor(after, order === 'UPDATED_AT' ? 4 : 3));
  if (!parsed.success) {
    throw new UserInputError('"after" is not a cursor of this list in this order. Start again without it.', 'after');
  }
  return parsed.data;
}
