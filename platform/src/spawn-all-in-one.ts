import { spawn, type ChildProcess } from 'node:child_process';
import { buildOnce, DIST_ENTRIES } from './build-once';
import { repoRoot } from './repo-root';

export interface AllInOneProcess {
  child: ChildProcess;
  /** Everything printed up to and including the ready banner. */
  banner: string;
  /** Milliseconds from spawn to the ready banner. */
  readyMs: number;
  /** Everything printed so far (the banner and all that followed), for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs what `pnpm start` runs (the compiled all-in-one entry) as a child process and resolves once
 * it prints its ready banner (after migrations and seeding). Used by the end-to-end test and the
 * cold-start benchmark; the build happens before the clock starts.
 */
export async function spawnAllInOne(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<AllInOneProcess> {
  buildOnce();
  const startedAt = performance.now();
  const child = spawn(process.execPath, [DIST_ENTRIES['all-in-one']], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', INTERNAL_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
  let output = '';
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready banner within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Demo admin:')) {
          clearTimeout(timer);
          resolve(output);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`all-in-one exited with ${code}:\n${output}`));
      });
    });
    return { child, banner, readyMs: performance.now() - startedAt, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
