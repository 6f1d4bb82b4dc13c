import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@mosaic/testing';
import config from '../../codegen';

describe('generated resolver types', () => {
  it('match what `pnpm codegen` produces from the current SDL (run it if this fails)', async () => {
    const outputs = (await generate({ ...config, cwd: repoRoot, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(join(repoRoot, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});
