import { createRequire } from 'node:module';
import { assertFederationInternalsPinned } from './federation-internals-pin';
import { memoiseFederationOperations, MEMOISED } from './operation-cache';
import { installPlanExecutor } from '../execution/install-executor';

const require = createRequire(import.meta.url);
let installed = false;

/**
 * federation-internals re-exports every function through a getter (`__exportStar`), so each of
 * the thousands of calls per query that @apollo/gateway and @apollo/query-planner make through
 * the package index pays a getter call — measured at ~4% of gateway CPU. Replacing the index's
 * exports with plain values, before those packages load it, removes that. Must run before the
 * first `require('@apollo/gateway')`: the package index imports this module first.
 */
export function installFederationFastPaths(): void {
  if (installed) return;
  installed = true;
  assertFederationInternalsPinned();
  memoiseFederationOperations();
  const id = require.resolve('@apollo/federation-internals');
  require(id);
  const cached = require.cache[id];
  if (!cached) throw new Error('@apollo/federation-internals is not in the CommonJS module cache: its module layout changed; re-check gateway/src/fetch/federation-fast-paths.ts.');
  const flat: Record<string, unknown> = {};
  for (const key of Object.keys(cached.exports as object)) flat[key] = (cached.exports as Record<string, unknown>)[key];
  Object.defineProperty(flat, '__esModule', { value: true });
  cached.exports = flat;
  // What @apollo/gateway calls must now be the memoised function.
  if (!(flat.operationFromDocument as { [MEMOISED]?: boolean } | undefined)?.[MEMOISED]) {
    throw new Error('@apollo/federation-internals no longer re-exports operationFromDocument from dist/operations: re-check gateway/src/fetch/operation-cache.ts.');
  }
  installPlanExecutor();
}

installFederationFastPaths();
