import { InvalidEnvironmentError, runSubgraphService } from '@mosaic/kit';
import { loadModule, registryEntry } from './registry';

/**
 * Services mode: one subgraph as its own process — `SERVICE=todos node platform/dist/service.mjs`
 * (what the Docker image and services mode run), or `pnpm service todos` from the sources. Its port
 * is the registry's unless PORT says otherwise; the rest comes from the environment (README).
 */
const name = process.argv[2] ?? process.env.SERVICE;
if (!name) {
  console.error('usage: service <subgraph name>   (or set SERVICE)');
  process.exit(2);
}
const entry = registryEntry(name);
try {
  await runSubgraphService(await loadModule(entry), entry.port);
} catch (error) {
  if (!(error instanceof InvalidEnvironmentError)) throw error;
  console.error(`${name}: ${error.message}`);
  process.exit(1);
}
