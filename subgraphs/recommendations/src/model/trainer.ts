import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainingJob, TrainingMessage } from './train-worker';

let workerSource: string | undefined;

/**
 * The worker's code, bundled once from train-worker.ts with esbuild: the same TypeScript runs in
 * the worker whether the service runs from sources (tsx, vitest) or from dist/, where a worker
 * could not load a .ts file by itself.
 */
function trainWorkerSource(): string {
  workerSource ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./train-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return workerSource;
}

/**
 * Trains in a worker thread, so the service keeps answering while the model learns; resolves with
 * the serialised model. `onProgress` hears each step (matrix, similarity, every ALS iteration).
 */
export function trainInWorker(job: TrainingJob, onProgress?: (step: string, done: number, total: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(trainWorkerSource(), { eval: true, workerData: job });
    worker.on('message', (message: TrainingMessage) => {
      if ('progress' in message) onProgress?.(message.progress.step, message.progress.done, message.progress.total);
      else resolve(Buffer.from(message.model.buffer, message.model.byteOffset, message.model.byteLength));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The training worker stopped with exit code ${code}.`));
    });
  });
}
