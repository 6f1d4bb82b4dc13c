import { TEST_QUERY } from './query';

/**
 * What every connection sends. `shared`: the public benchmark's query, byte for byte the same
 * request from every connection (in-flight sharing of identical subgraph requests helps a lot).
 * `distinct`: the same selection with a `$locale` variable on a field of every fetch, a new value
 * per request, so that no two subgraph requests in flight are identical and sharing cannot help.
 * The benchmark subgraphs accept `locale` and ignore it, so every answer is still the same body.
 */
export type ScenarioName = 'shared' | 'distinct';

export interface Scenario {
  name: ScenarioName;
  description: string;
  /** The request body of the n-th request. */
  body(n: number): string;
}

const SHARED_BODY = JSON.stringify({ query: TEST_QUERY });

/** TEST_QUERY with `locale: $locale` on name, body, inStock and shippingEstimate: every fetch of the plan selects one of them. */
export const DISTINCT_QUERY = TEST_QUERY.replace('query TestQuery {', 'query TestQuery($locale: String) {')
  .replace(/^(\s+)name$/gm, '$1name(locale: $locale)')
  .replace(/^(\s+)body$/gm, '$1body(locale: $locale)')
  .replace(/^(\s+)inStock$/gm, '$1inStock(locale: $locale)')
  .replace(/^(\s+)shippingEstimate$/gm, '$1shippingEstimate(locale: $locale)');

const distinctPrefix = `${JSON.stringify({ query: DISTINCT_QUERY }).slice(0, -1)},"variables":{"locale":"`;

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  shared: { name: 'shared', description: 'graphql-gateways-benchmark federation query, identical requests', body: () => SHARED_BODY },
  distinct: {
    name: 'distinct',
    description: 'the same query with a per-request $locale on a field of every fetch (in-flight sharing cannot help)',
    body: (n) => `${distinctPrefix}r${n}"}}`,
  },
};

export function scenarioFromEnv(): Scenario {
  const name = (process.env.SCENARIO ?? 'shared') as ScenarioName;
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`SCENARIO must be one of ${Object.keys(SCENARIOS).join(', ')}`);
  return scenario;
}
