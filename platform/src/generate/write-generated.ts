import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSubgraphs } from '../registry';
import { repoRoot } from '../repo-root';
import { generatedFiles } from './generated-files';

/** `pnpm compose`: regenerates the supergraph, the API schema, the scope catalog and the deployment files. */
const files = generatedFiles(await loadSubgraphs());
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
  writeFileSync(join(repoRoot, path), content);
}
console.log(`wrote ${Object.keys(files).join(', ')}`);
