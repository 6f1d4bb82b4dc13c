import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../', import.meta.url));

export interface ReadyChild<T> {
  child: ChildProcess;
  /** The JSON printed after the ready marker. */
  info: T;
  /** The last output lines (for error messages). */
  outputTail(): string;
  stop(): Promise<void>;
}

/**
 * Runs an entry (path relative to bench/ or absolute) as its own Node process — a TypeScript one
 * with `node --import tsx`, a built `.mjs` with plain `node` — one process, so its pid is the one
 * doing the work, and resolves once it prints
 * `<marker> <json>`. Output is always drained (a full pipe would stall the child under load).
 */
export async function spawnReady<T>(entry: string, args: string[], marker: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<ReadyChild<T>> {
  const child = spawn(process.execPath, [...(entry.endsWith('.mjs') ? [] : ['--import', 'tsx']), entry, ...args], {
    cwd: benchDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8_000);
  };
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };
  try {
    const info = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entry} ${args.join(' ')}: not ready within ${timeoutMs} ms:\n${tail}`)), timeoutMs);
      let pending = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith(`${marker} `)) continue;
          clearTimeout(timer);
          resolve(JSON.parse(line.slice(marker.length + 1)) as T);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${entry} ${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${tail}`));
      });
    });
    return { child, info, outputTail: () => tail, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
