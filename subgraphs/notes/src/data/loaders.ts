import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type ParentKey, type TenantDb } from '@mosaic/kit';
import { countNotes, findNotePages, type NoteCriteria, type NoteHit, type NoteListQuery } from './note-queries-repo';
import { findNotesByIds } from './notes-repo';
import { findChildrenOf, findNotebooksByIds } from './notebooks-repo';
import { findRevisionPages, findRevisionsByIds, type RevisionListQuery } from './revisions-repo';
import { findShareLinksByIds, findShareLinksOfNotes } from './share-links-repo';
import { findSharesOfNotes, findSharesOfUser } from './shares-repo';
import type { NotebookRow, NoteRevisionRow, NoteRow, NoteShareLinkRow, NoteShareRow } from './tables';

export interface Loaders {
  noteById: DataLoader<string, NoteRow | null>;
  notePage: DataLoader<ParentKey<NoteListQuery>, NoteHit[], string>;
  noteCount: DataLoader<ParentKey<NoteCriteria>, number, string>;
  /** The viewer's own share of a note (what they may do with a note shared with them). */
  viewerShare: DataLoader<string, NoteShareRow | null>;
  /** Everyone a note is shared with (for its owner). */
  sharesOfNote: DataLoader<string, NoteShareRow[], string>;
  revisionPage: DataLoader<ParentKey<RevisionListQuery>, NoteRevisionRow[], string>;
  revisionById: DataLoader<string, NoteRevisionRow | null>;
  notebookById: DataLoader<string, NotebookRow | null>;
  notebookChildren: DataLoader<string, NotebookRow[], string>;
  shareLinkById: DataLoader<string, NoteShareLinkRow | null>;
  shareLinksOfNote: DataLoader<string, NoteShareLinkRow[], string>;
}

/** Per-request loaders: lists and entity references cost a constant number of statements (each batch one transaction under row-level security). */
/**
 * `revisionsKeepSince`: the retention cutoff of this request's revision lists, fixed once per request
 * so that the notes of one list share one batch (a cutoff taken per resolver differs by milliseconds).
 */
export function createLoaders(db: TenantDb, viewerId: string | null, revisionsKeepSince: Date): Loaders {
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
    viewerShare: rowLoader((noteIds) => (viewerId ? db.run((tx) => findSharesOfUser(tx, viewerId, noteIds)) : Promise.resolve([])), (share) => share.noteId),
    revisionPage: parentQueryLoader((noteIds, query: RevisionListQuery) => db.run((tx) => findRevisionPages(tx, noteIds, query, revisionsKeepSince)), (row) => row.noteId, (rows) => rows),
    revisionById: rowLoader((ids) => db.run((tx) => findRevisionsByIds(tx, ids)), (row) => row.id),
    notebookById: rowLoader((ids) => db.run((tx) => findNotebooksByIds(tx, ids)), (row) => row.id),
    notebookChildren: groupLoader((ids) => db.run((tx) => findChildrenOf(tx, ids)), (row) => row.parentId!, (id) => id),
    shareLinkById: rowLoader((ids) => db.run((tx) => findShareLinksByIds(tx, ids)), (row) => row.id),
    shareLinksOfNote: groupLoader((ids) => db.run((tx) => findShareLinksOfNotes(tx, ids)), (row) => row.noteId, (id) => id),
    sharesOfNote: groupLoader((noteIds) => db.run((tx) => findSharesOfNotes(tx, noteIds)), (share) => share.noteId, (noteId) => noteId),
  };
}
