import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GatewayStarter } from './gateways/running-gateway';

/**
 * Child-process entry of the soak (soak.ts): `soak-gateway.ts <mosaic|hiveRouter>` with
 * `SUPERGRAPH_PATH` and `SAMPLE_SECONDS` set. Starts that gateway alone in this process, prints
 * `GATEWAY_READY {"url":…}`, then every SAMPLE_SECONDS a full garbage collection and
 * `SOAK_SAMPLE {"rssMiB":…,"heapUsedMiB":…}`: the heap that survives a collection is what a leak
 * makes grow; RSS is what the machine pays.
 */
const STARTERS: Record<string, () => Promise<GatewayStarter>> = {
  mosaic: async () => (await import('./gateways/mosaic')).startMosaic,
  hiveRouter: async () => (await import('./gateways/hive-router')).startHiveRouter,
};

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const kind = process.argv[2] ?? '';
const load = STARTERS[kind];
if (!load) throw new Error(`unknown gateway "${kind}"; expected one of ${Object.keys(STARTERS).join(', ')}`);
const running = await (await load())(readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'));
console.log(`GATEWAY_READY ${JSON.stringify({ url: running.url })}`);

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const sampler = setInterval(() => {
  collect();
  const usage = process.memoryUsage();
  console.log(`SOAK_SAMPLE ${JSON.stringify({ rssMiB: mib(usage.rss), heapUsedMiB: mib(usage.heapUsed), externalMiB: mib(usage.external) })}`);
}, Number(process.env.SAMPLE_SECONDS ?? 10) * 1000);
process.once('SIGTERM', () => {
  clearInterval(sampler);
  void running.close().finally(() => process.exit(0));
});
