import type { SubgraphDataSource } from '../subgraph-data-source';

export interface SubgraphHealth {
  name: string;
  reachable: boolean;
  /** How long the probe took (a timeout counts as its full length). */
  latencyMs: number;
}

const PROBE_TIMEOUT_MS = 2_000;
/** Scrapes and status checks within this window share one round of probes. */
const FRESH_FOR_MS = 5_000;

/**
 * Subgraph reachability, for /metrics and /status — not for readiness: a gateway with one
 * subgraph down still serves everything else (with UNAVAILABLE errors for the missing fields),
 * so it must stay in service.
 */
export function subgraphHealth(sources: readonly SubgraphDataSource[]): () => Promise<SubgraphHealth[]> {
  let last: { at: number; result: Promise<SubgraphHealth[]> } | null = null;
  const probeAll = () =>
    Promise.all(
      sources.map(async (source) => {
        const startedAt = performance.now();
        const reachable = await source.probe(PROBE_TIMEOUT_MS);
        return { name: source.serviceName, reachable, latencyMs: Math.round(performance.now() - startedAt) };
      }),
    );
  return () => {
    if (!last || performance.now() - last.at > FRESH_FOR_MS) last = { at: performance.now(), result: probeAll() };
    return last.result;
  };
}
