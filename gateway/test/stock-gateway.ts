import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Stock @apollo/gateway as its own Node process (stock-gateway.process.ts). */
export async function startStockGateway(supergraphSdl: string): Promise<{ url: string; patched: boolean; child: ChildProcess }> {
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'mosaic-parity-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  const entry = fileURLToPath(new URL('./stock-gateway.process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, SUPERGRAPH_PATH: supergraphPath }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stock gateway not ready:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^STOCK_GATEWAY_READY (.+)$/m.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ ...(JSON.parse(ready[1]!) as { url: string; patched: boolean }), child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`stock gateway exited (${code}):\n${output}`)));
  });
}

