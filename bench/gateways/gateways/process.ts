import { readFileSync } from 'node:fs';
import type { GatewayStarter } from './running-gateway';

/**
 * Child-process entry: `process.ts <stock|hive|hiveRouter|mosaic|mosaicUnshared>` with `SUPERGRAPH_PATH` set; starts that
 * gateway alone in this process and prints `GATEWAY_READY {"url":…}`. Only the chosen gateway's
 * modules are loaded (a broken or heavy one does not affect the others' processes).
 */
const STARTERS: Record<string, () => Promise<GatewayStarter>> = {
  stock: async () => (await import('./stock-apollo')).startStockApollo,
  hive: async () => (await import('./hive')).startHive,
  hiveRouter: async () => (await import('./hive-router')).startHiveRouter,
  mosaic: async () => (await import('./mosaic')).startMosaic,
  // The same gateway with identical queries in flight each running their own plan: the executor alone.
  mosaicUnshared: async () => {
    process.env.SHARE_INFLIGHT_QUERIES = 'off';
    return (await import('./mosaic')).startMosaic;
  },
};

const kind = process.argv[2] ?? '';
const load = STARTERS[kind];
if (!load) throw new Error(`unknown gateway "${kind}"; expected one of ${Object.keys(STARTERS).join(', ')}`);
const start = await load();
const running = await start(readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'));
console.log(`GATEWAY_READY ${JSON.stringify({ url: running.url })}`);
process.once('SIGTERM', () => {
  void running.close().finally(() => process.exit(0));
});
