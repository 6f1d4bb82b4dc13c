import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type ParentKey, type TenantDb } from '@mosaic/kit';
import { countNotes, findNotePages, type NoteCriteria, type NoteHit, type NoteListQuery } from './note-queries-repo';
import { findNotesByIds } from './notes-repo';
import type { NoteRow } from './tables';

export interface Loaders {
  noteById: DataLoader<string, NoteRow | null>;
  notePage: DataLoader<ParentKey<NoteListQuery>, NoteHit[], string>;
  noteCount: DataLoader<ParentKey<NoteCriteria>, number, string>;
}

/** Per-request loaders: lists and entity references cost a constant number of statements (each batch one transaction under row-level security). */
export function createLoaders(db: TenantDb): Loaders {
  return {
    noteById: rowLoader((ids) => db.run((tx) => findNotesByIds(tx, ids)), (note) => note.id),
    notePage: parentQueryLoader(
      (ownerIds, query: NoteListQuery) => db.run((tx) => findNotePages(tx, ownerIds, query)),
      (hit) => hit.note.ownerId,
      (hits) => hits,
    ),
    noteCount: parentQueryLoader(
      (ownerIds, criteria: NoteCriteria) => db.run((tx) => countNotes(tx, ownerIds, criteria)),
      (row) => row.ownerId,
      (rows) => rows[0]?.count ?? 0,
    ),
  };
}
