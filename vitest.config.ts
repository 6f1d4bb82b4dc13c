import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * Node resolves `import 'graphql'` to graphql's CommonJS build (its package.json has no "exports"),
 * which is also what Apollo's CommonJS packages load. Vite would pick the `module` (.mjs) build
 * and the process would hold two graphql instances ("Cannot use GraphQLObjectType from another
 * module or realm"), so tests resolve it the way Node does.
 */
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

/**
 * Three tiers, by file suffix:
 * - unit (`*.test.ts`): no I/O beyond the process.
 * - int (`*.int.test.ts`): real PostgreSQL / Redis / RabbitMQ; each file clones a migrated template database.
 * - e2e (`*.e2e.ts`): the gateway and subgraphs over real HTTP and graphql-ws.
 */
const shared = { testTimeout: 30_000, hookTimeout: 60_000 };
const ignored = ['**/node_modules/**', '**/.data/**'];

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    projects: [
      { extends: true, test: { ...shared, name: 'unit', include: ['**/test/**/*.test.ts'], exclude: [...ignored, '**/*.int.test.ts'] } },
      {
        extends: true,
        test: {
          ...shared,
          name: 'int',
          include: ['**/test/**/*.int.test.ts'],
          exclude: ignored,
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'e2e',
          include: ['**/test/**/*.e2e.ts'],
          exclude: ignored,
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
    ],
  },
});
