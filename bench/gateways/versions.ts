import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url));
const PACKAGES = ['@apollo/gateway', '@apollo/server', '@apollo/subgraph', '@apollo/composition', '@graphql-hive/gateway-runtime', '@graphql-hive/router-runtime', 'graphql', 'autocannon'];

/** Installed versions of the packages under test (as bench/ resolves them). */
export function installedVersions(): Record<string, string> {
  return Object.fromEntries(
    PACKAGES.map((name) => [name, (JSON.parse(readFileSync(`${nodeModules}${name}/package.json`, 'utf8')) as { version: string }).version]),
  );
}
