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
import { Note } from './Note';
import { NoteConnection } from './NoteConnection';
import { note } from './Query/note';
import { noteTags } from './Query/noteTags';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { note, noteTags },
  Mutation: { createNote, updateNote, deleteNote, pinNote, unpinNote, archiveNote, unarchiveNote, addNoteTags, removeNoteTags },
  User,
  Note,
  NoteConnection,
};
