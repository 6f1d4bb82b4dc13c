/** What travels over pub/sub per applied update (JSON, like through Redis). Raw ids. */
export interface NoteUpdatePayload {
  noteId: string;
  /** base64 Yjs update. */
  update: string;
  origin: string | null;
  authorId: string | null;
  sync: boolean;
}

export const noteTopic = (noteId: string) => `notes:note:${noteId}`;
