import { fileURLToPath } from 'node:url';

/** The checkout's root: where child processes run and build outputs live. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
