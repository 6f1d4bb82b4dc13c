import { prepareTemplateDatabase } from './postgres';

/** Vitest globalSetup for tests that use the PostgreSQL server. */
export default async function setup(): Promise<void> {
  await prepareTemplateDatabase();
}
