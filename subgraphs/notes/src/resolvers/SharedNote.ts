import { renderDocumentMarkdown } from '@mosaic/markdown';
import type { SharedNoteResolvers } from '../resolvers.generated';

export const SharedNote: SharedNoteResolvers = {
  html: (note) => renderDocumentMarkdown(note.body),
};
