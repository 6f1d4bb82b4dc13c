import { writeFileSync } from 'node:fs';
import { EXAMPLE_ARTIFACTS_FILE, compileExamples } from './domain/contracts/example-artifacts';

/**
 * `pnpm --filter @mosaic/chain examples:compile`: rewrites the example contracts' committed
 * artifacts after their Solidity or the compiler changes (a test fails while they are stale).
 */
const artifacts = await compileExamples();
writeFileSync(EXAMPLE_ARTIFACTS_FILE, `${JSON.stringify(artifacts, null, 2)}\n`);
console.log(`Wrote ${Object.keys(artifacts).join(', ')} to ${EXAMPLE_ARTIFACTS_FILE}`);
