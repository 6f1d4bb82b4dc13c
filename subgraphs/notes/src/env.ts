import { z } from 'zod';

/** Notes' own variables (README: Configuration). Defaults suit a local `pnpm start`. */
export const notesEnv = z
  .object({
    /**
     * Co-editing: after this many stored Yjs updates a note's document is compacted into one
     * snapshot (fewer rows to read per edit, history of intermediate states dropped).
     */
    NOTES_CRDT_COMPACT_EVERY: z.coerce.number().int().min(1).max(10_000).default(100),
  })
  .transform((e) => ({
    crdtCompactEvery: e.NOTES_CRDT_COMPACT_EVERY,
  }));

export type NotesSettings = z.output<typeof notesEnv>;
