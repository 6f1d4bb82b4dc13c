import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads an SDL file next to the calling module: `loadTypeDefs(new URL('./schema.graphql', import.meta.url))`. */
export function loadTypeDefs(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
