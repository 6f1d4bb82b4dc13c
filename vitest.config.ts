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
/**
 * Timeouts are hang guards, not speed checks: files run in parallel on a small machine, and a hook
 * that starts the whole graph (15 subgraphs and the gateway in one process) may wait its turn for a
 * core. `expect.poll` waits for a condition (a subscription opened, an event consumed); vitest's 1 s
 * default would turn a busy moment into a failure.
 */
const shared = { testTimeout: 60_000, hookTimeout: 180_000, expect: { poll: { timeout: 15_000 } } };
const ignored = ['**/node_modules/**', '**/.data/**'];

/**
 * Test files run in parallel workers: most int and e2e files wait on PostgreSQL, HTTP and brokers
 * rather than compute, so a 2-core machine runs three at once (vitest's default there, cores − 1,
 * would be one). Each file has its own database, Redis prefix and RabbitMQ namespace, listens on
 * free ports, and the build outputs it needs are made once per run under a lock. Three workers stay
 * far below PostgreSQL's default 100 connections (a file opens at most ~20).
 */
const WORKERS = 3;

/**
 * The files that run one at a time after all others: a real browser (Chromium alone keeps two cores
 * busy), every service as its own process (16 Node processes, ~60 PostgreSQL connections), or the
 * all-in-one command from cold (embedded PostgreSQL in WebAssembly, migrations and the whole demo seed).
 */
const serialE2e = [
  'platform/test/all-in-one.e2e.ts',
  'gateway/test/graphiql.e2e.ts',
  'platform/test/web-app.e2e.ts',
  'platform/test/web-app-domains.e2e.ts',
  'platform/test/web-app-depth.e2e.ts',
  'subgraphs/accounts/test/oauth-browser.e2e.ts',
  'platform/test/services-mode.e2e.ts',
];

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    maxWorkers: WORKERS,
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
          exclude: [...ignored, ...serialE2e],
          globalSetup: ['packages/testing/src/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'e2e-serial',
          include: serialE2e,
          exclude: ignored,
          globalSetup: ['packages/testing/src/global-setup.ts'],
          maxWorkers: 1,
        },
      },
    ],
  },
});
