import { describe, expect, it } from 'vitest';
import { compileExamples, exampleArtifacts } from '../src/domain/contracts/example-artifacts';

describe('example contract artifacts', () => {
  it('are what solc makes of the example sources now (run `pnpm --filter @mosaic/chain examples:compile` if this fails)', async () => {
    expect(exampleArtifacts()).toEqual(await compileExamples());
  }, 180_000);
});
