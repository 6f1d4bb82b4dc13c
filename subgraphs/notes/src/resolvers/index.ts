import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { addNoteTags } from './Mutation/addNoteTags';
import { archiveNote } from './Mutation/archiveNote';
import { createNote } from './Mutation/createNote';
import { deleteNote } from './Mutation/deleteNote';
import { pinNote } from './Mutation/pinNote';
import { removeNoteTags } from './Mutation/removeNoteTags';
import { unarchiveNote } from './Mutation/unarchiveNote';
import { unpinNote } from './Mutation/unpinNote';
import { updateNote } from './Mutation/updateNote';
import { applyNoteUpdate } from './Mutation/applyNoteUpdate';
import { shareNote } from './Mutation/shareNote';
import { unshareNote } from './Mutation/unshareNote';
import { createNotebook } from './Mutation/createNotebook';
import { deleteNotebook } from './Mutation/deleteNotebook';
import { moveNote } from './Mutation/moveNote';
import { moveNotebook } from './Mutation/moveNotebook';
import { renameNotebook } from './Mutation/renameNotebook';
import { Notebook } from './Notebook';
import { notebooks } from './Query/notebooks';
import { createNoteShareLink } from './Mutation/createNoteShareLink';
import { revokeNoteShareLink } from './Mutation/revokeNoteShareLink';
import { NoteRevision } from './NoteRevision';
import { NoteShareLink } from './NoteShareLink';
import { sharedNote } from './Query/sharedNote';
import { SharedNote } from './SharedNote';
import { NoteShare } from './NoteShare';
import { noteRevisionDiff } from './Query/noteRevisionDiff';
import { restoreNoteRevision } from './Mutation/restoreNoteRevision';
import { NoteUpdate } from './NoteUpdate';
import { noteDocument } from './Query/noteDocument';
import { notesSharedWithMe } from './Query/notesSharedWithMe';
import { noteUpdates } from './Subscription/noteUpdates';
import { noteAwareness } from './Subscription/noteAwareness';
import { publishNoteAwareness } from './Mutation/publishNoteAwareness';
import { NoteAwareness } from './NoteAwareness';
import { Note } from './Note';
import { NoteConnection } from './NoteConnection';
import { note } from './Query/note';
import { noteTags } from './Query/noteTags';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { note, noteTags, notesSharedWithMe, noteDocument, noteRevisionDiff, notebooks, sharedNote },
  Mutation: { createNote, updateNote, deleteNote, pinNote, unpinNote, archiveNote, unarchiveNote, addNoteTags, removeNoteTags, applyNoteUpdate, shareNote, unshareNote, restoreNoteRevision, createNotebook, renameNotebook, moveNotebook, deleteNotebook, moveNote, createNoteShareLink, revokeNoteShareLink, publishNoteAwareness },
  Subscription: { noteUpdates, noteAwareness },
  User,
  Note,
  NoteConnection,
  Notebook,
  NoteRevision,
  NoteShare,
  NoteShareLink,
  SharedNote,
  NoteUpdate,
  NoteAwareness,
};
