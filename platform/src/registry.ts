import type { SubgraphModule } from '@mosaic/kit';

/**
 * THE list of Mosaic's subgraphs: the only place that names them and their ports. Everything else
 * — composition, all-in-one, services mode, migrations, build entries, docker-compose.yml,
 * deploy/k8s, supergraph.yaml, the scope catalog — is derived from it (`pnpm compose` regenerates
 * the committed files; a test fails when they are stale). `pnpm new:subgraph <name>` adds a line.
 *
 * Modules load lazily: a service process imports only its own subgraph's code.
 */
export interface RegistryEntry {
  name: string;
  /** Port in services mode, and in the committed supergraph's routing URL. */
  port: number;
  load: () => Promise<{ default: SubgraphModule }>;
}

export const registry: readonly RegistryEntry[] = [
  { name: 'accounts', port: 4001, load: () => import('../../subgraphs/accounts/src/index') },
  // Before the tenant-aware domains: seeds run in this order, and theirs share data in tenancy's demo organisation.
  { name: 'tenancy', port: 4014, load: () => import('../../subgraphs/tenancy/src/index') },
  { name: 'todos', port: 4002, load: () => import('../../subgraphs/todos/src/index') },
  // Before notes and chat: their demo attachments are files' demo uploads.
  { name: 'files', port: 4011, load: () => import('../../subgraphs/files/src/index') },
  { name: 'notes', port: 4003, load: () => import('../../subgraphs/notes/src/index') },
  { name: 'chat', port: 4004, load: () => import('../../subgraphs/chat/src/index') },
  { name: 'stocks', port: 4005, load: () => import('../../subgraphs/stocks/src/index') },
  { name: 'links', port: 4006, load: () => import('../../subgraphs/links/src/index') },
  { name: 'weather', port: 4007, load: () => import('../../subgraphs/weather/src/index') },
  { name: 'chain', port: 4015, load: () => import('../../subgraphs/chain/src/index') },
  { name: 'blog', port: 4009, load: () => import('../../subgraphs/blog/src/index') },
  { name: 'commerce', port: 4008, load: () => import('../../subgraphs/commerce/src/index') },
  // After commerce and blog: its seed learns from their demo catalogs.
  { name: 'recommendations', port: 4012, load: () => import('../../subgraphs/recommendations/src/index') },
  { name: 'expenses', port: 4010, load: () => import('../../subgraphs/expenses/src/index') },
  { name: 'banking', port: 4013, load: () => import('../../subgraphs/banking/src/index') },
];

export const GATEWAY_PORT = 4000;
/** The gateway's `/metrics` and `/status`, never exposed to clients. */
export const GATEWAY_INTERNAL_PORT = 9464;

export interface RegisteredSubgraph {
  module: SubgraphModule;
  port: number;
}

/** Every registered subgraph, loaded, in registry order (composition order). */
export async function loadSubgraphs(): Promise<RegisteredSubgraph[]> {
  return Promise.all(registry.map(async (entry) => ({ module: await loadModule(entry), port: entry.port })));
}

export async function loadModule(entry: RegistryEntry): Promise<SubgraphModule> {
  const { default: module } = await entry.load();
  if (module.name !== entry.name) throw new Error(`The registry line "${entry.name}" loads the subgraph "${module.name}": the name must be its folder's.`);
  return module;
}

export function registryEntry(name: string): RegistryEntry {
  const entry = registry.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No subgraph named "${name}" in platform/src/registry.ts (known: ${registry.map((e) => e.name).join(', ')}).`);
  return entry;
}
