import { randomUUID } from 'node:crypto';
import { prepareTemplateDatabase } from './postgres';

/** Vitest globalSetup for tests that use the PostgreSQL server. */
export default async function setup(): Promise<void> {
  // Names this run for the parallel workers it forks: they compile dist/ once per run, not once per
  // file (platform/src/build-once.ts).
  process.env.MOSAIC_TEST_RUN ??= randomUUID();
  await prepareTemplateDatabase();
}
