export * from './postgres';
export * from './graphql-client';
export { StatementCounter } from './statement-counter';
export { repoRoot } from './repo-root';
export * from './test-auth';
export * from './serve-for-test';
export { freePort, waitUntilOk } from './free-port';
export * from './ws-client';
export { startTcpProxy } from './tcp-proxy';
