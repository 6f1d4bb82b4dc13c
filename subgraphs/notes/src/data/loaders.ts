import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { countNotes, findNotePages, type NoteCriteria, type NoteHit, type NoteListQuery } from './note-queries-repo';
import { findNotesByIds } from './notes-repo';
import type { NoteRow } from './tables';

export interface Loaders {
  noteById: DataLoader<string, NoteRow | null>;
  notePage: DataLoader<ParentKey<NoteListQuery>, NoteHit[], string>;
  noteCount: DataLoader<ParentKey<NoteCriteria>, number, string>;
}

/** Per-request loaders: lists and entity references cost a constant number of statements. */
export function createLoaders(db: Db): Loaders {
  return {
    noteById: rowLoader((ids) => findNotesByIds(db, ids), (note) => note.id),
    notePage: parentQueryLoader(
      (ownerIds, query: NoteListQuery) => findNotePages(db, ownerIds, query),
      (hit) => hit.note.ownerId,
      (hits) => hits,
    ),
    noteCount: parentQueryLoader(
      (ownerIds, criteria: NoteCriteria) => countNotes(db, ownerIds, criteria),
      (row) => row.ownerId,
      (rows) => rows[0]?.count ?? 0,
    ),
  };
}
