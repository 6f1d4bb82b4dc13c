export * from './postgres';
export * from './graphql-client';
export { StatementCounter } from './statement-counter';
export { repoRoot } from './repo-root';
export * from './test-auth';
export * from './serve-for-test';
export { freePort, waitUntilOk } from '@mosaic/kit';
export * from './ws-client';
export * from './oauth-client';
