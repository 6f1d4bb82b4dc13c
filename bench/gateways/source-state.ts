import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Which Mosaic code was measured: the commit, and the gateway/kit files that differed from it
 * (the gateway is worked on while benchmarks run). Read-only git queries; empty outside git.
 */
export function sourceState(): { commit: string; uncommittedChanges: string[] } {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain', '--', 'gateway', 'packages/kit').split('\n').filter(Boolean),
  };
}
