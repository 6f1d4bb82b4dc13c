import { startFiles } from '@mosaic/files/test-harness';

/**
 * The files subgraph alone in this process (its HTTP paths and GraphQL on a fresh PostgreSQL
 * database, settings from the environment), for `files-throughput.ts` to measure from outside:
 * prints `{ origin, token }` as one JSON line, then serves until killed.
 */
const app = await startFiles(process.env);
const user = await app.auth.newUser();
process.stdout.write(`${JSON.stringify({ origin: app.origin, token: user.token })}\n`);
const stop = () => void app.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
