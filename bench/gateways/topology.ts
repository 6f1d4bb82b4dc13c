import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from './compose';
import { buildGatewayLauncher } from './launcher';
import { spawnReady, type ReadyChild } from './spawn-ready';
import type { CountersBySubgraph } from './subgraphs/counters';

export type GatewayKind = 'stock' | 'hive' | 'hiveRouter' | 'mosaic' | 'mosaicUnshared';

export const GATEWAY_LABELS: Record<GatewayKind, string> = {
  stock: 'stock @apollo/gateway + @apollo/server',
  hive: 'Hive Gateway runtime (JS)',
  hiveRouter: 'Hive Gateway + router runtime (Rust planner)',
  mosaic: 'Mosaic gateway (createGateway)',
  mosaicUnshared: 'Mosaic, inbound sharing off (SHARE_INFLIGHT_QUERIES=off)',
};

export interface Subgraphs {
  process: ReadyChild<{ urls: Record<string, string>; controlUrl: string }>;
  supergraphPath: string;
  reset(): Promise<void>;
  counters(): Promise<CountersBySubgraph>;
  stop(): Promise<void>;
}

/** The four subgraphs in one child process, and the supergraph composed for their URLs. */
export async function startSubgraphs(): Promise<Subgraphs> {
  const child = await spawnReady<{ urls: Record<string, string>; controlUrl: string }>('gateways/subgraphs/process.ts', [], 'SUBGRAPHS_READY');
  const dir = mkdtempSync(join(tmpdir(), 'mosaic-gateways-bench-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  try {
    writeFileSync(supergraphPath, composeSupergraph(child.info.urls));
  } catch (error) {
    await child.stop();
    throw error;
  }
  const control = async (method: 'GET' | 'POST', path: string) =>
    (await (await fetch(`${child.info.controlUrl}${path}`, { method })).json()) as CountersBySubgraph;
  return {
    process: child,
    supergraphPath,
    reset: async () => void (await control('POST', '/reset')),
    counters: () => control('GET', '/stats'),
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let launcher: Promise<string> | undefined;

/** One gateway in its own child process (plain `node` on the bundled launcher, see launcher.ts), on the composed supergraph. */
export async function startGateway(kind: GatewayKind, subgraphs: Subgraphs): Promise<ReadyChild<{ url: string }>> {
  launcher ??= buildGatewayLauncher();
  return spawnReady<{ url: string }>(await launcher, [kind], 'GATEWAY_READY', { SUPERGRAPH_PATH: subgraphs.supergraphPath });
}
