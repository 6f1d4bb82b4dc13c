import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';

/**
 * Runs `task` while holding a lock across processes (test files run in parallel workers and each
 * may ask for the same build): a directory at `lockPath`, created atomically; whoever waited then
 * finds the output current. A lock left by a killed process is stale after five minutes.
 */
export function withDirectoryLock<T>(lockPath: string, task: () => T): T {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lockPath);
      break;
    } catch {
      if (existsSync(lockPath) && Date.now() - statSync(lockPath).mtimeMs > 300_000) rmSync(lockPath, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 250);
    }
  }
  try {
    return task();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}
