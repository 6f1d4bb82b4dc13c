import { decodeId } from '@mosaic/kit';
import { attachFileToNote, detachFileFromNote } from '../domain/attachments/attach';
import { attachmentsOf } from '../domain/attachments/read';
import type { MutationResolvers, NoteResolvers } from '../resolvers.generated';

const attachFile: NonNullable<MutationResolvers['attachFileToNote']> = (_parent, { input }, ctx) =>
  attachFileToNote(ctx, decodeId('Note', input.noteId, 'input.noteId'), decodeId('File', input.fileId, 'input.fileId'));

const detachFile: NonNullable<MutationResolvers['detachFileFromNote']> = (_parent, { input }, ctx) =>
  detachFileFromNote(ctx, decodeId('Note', input.noteId, 'input.noteId'), decodeId('File', input.fileId, 'input.fileId'));

const attachments: NonNullable<NoteResolvers['attachments']> = (note, _args, ctx) => attachmentsOf(ctx, note);

/** Attachments' resolvers, merged into the subgraph's in build.ts (kept apart from the rest of notes). */
export const attachmentResolvers = {
  Mutation: { attachFileToNote: attachFile, detachFileFromNote: detachFile },
  Note: { attachments },
};
