/** What one subgraph served: HTTP requests, `_entities` fields resolved, representations in them. */
export interface SubgraphCounters {
  requests: number;
  entityFetches: number;
  representations: number;
}

export const zeroCounters = (): SubgraphCounters => ({ requests: 0, entityFetches: 0, representations: 0 });

export type CountersBySubgraph = Record<string, SubgraphCounters>;

export function totalOf(counters: CountersBySubgraph): SubgraphCounters {
  const total = zeroCounters();
  for (const c of Object.values(counters)) {
    total.requests += c.requests;
    total.entityFetches += c.entityFetches;
    total.representations += c.representations;
  }
  return total;
}
