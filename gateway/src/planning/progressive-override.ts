import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import { Kind, parse, visit, type DocumentNode } from 'graphql';

export interface ProgressiveOverrideOptions {
  /** Labels that are on for every request, besides the `percent(n)` rolls (e.g. a feature flag's label). */
  enabledLabels?: readonly string[];
  /** A number in [0, 1) per roll; Math.random unless a test pins it. */
  random?: () => number;
}

/** The `overrideLabel`s of the supergraph's `@join__field`s: `percent(n)` ones with their n, and the others. */
export function overrideLabels(supergraph: string | DocumentNode): { percentages: Map<string, number>; others: Set<string> } {
  const percentages = new Map<string, number>();
  const others = new Set<string>();
  visit(typeof supergraph === 'string' ? parse(supergraph) : supergraph, {
    Directive(node) {
      if (node.name.value !== 'join__field') return;
      const label = node.arguments?.find((a) => a.name.value === 'overrideLabel')?.value;
      if (label?.kind !== Kind.STRING) return;
      const percent = /^percent\((\d+(?:\.\d+)?)\)$/.exec(label.value);
      if (percent) percentages.set(label.value, Number(percent[1]));
      else others.add(label.value);
    },
  });
  return { percentages, others };
}

type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
interface Planner {
  buildQueryPlan(operation: unknown, options?: { overrideConditions?: Map<string, boolean> }): unknown;
}

/**
 * Progressive `@override(from:, label:)`: a field moving between subgraphs for a share of requests.
 * Each request rolls every `percent(n)` label once (on with probability n %), other labels are on
 * only when configured; the planner gets the result as `overrideConditions`, so the field is
 * fetched from the new subgraph exactly when its label is on. Plans are cached per label set: the
 * plan-store key (the query hash) gets the set of labels that are on, so a request never reuses a
 * plan made for another set. (@apollo/gateway calls its planner with no override conditions at all:
 * every labelled field stays where it came from.)
 */
export function progressiveOverride(gateway: ApolloGateway, supergraphSdl: string, options: ProgressiveOverrideOptions = {}): ApolloGateway {
  const { percentages, others } = overrideLabels(supergraphSdl);
  if (percentages.size === 0 && others.size === 0) return gateway;
  const always = [...others].filter((label) => options.enabledLabels?.includes(label));
  const random = options.random ?? Math.random;
  const conditions = new AsyncLocalStorage<Map<string, boolean>>();
  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded: Loaded = await load(loadOptions);
    // Created by load (and again on a schema update, which a static supergraph never has).
    const planner = (gateway as unknown as { queryPlanner: Planner }).queryPlanner;
    const build = planner.buildQueryPlan.bind(planner);
    planner.buildQueryPlan = (operation, planOptions) => build(operation, { ...planOptions, overrideConditions: conditions.getStore() ?? new Map() });
    const executor: Loaded['executor'] = (requestContext) => {
      const on = new Map<string, boolean>();
      for (const label of always) on.set(label, true);
      for (const [label, percent] of percentages) on.set(label, random() * 100 < percent);
      const key = [...on].filter(([, enabled]) => enabled).map(([label]) => label).sort().join('\n');
      const queryHash = key ? createHash('sha256').update(requestContext.queryHash).update('\n').update(key).digest('hex') : requestContext.queryHash;
      return conditions.run(on, () => loaded.executor({ ...requestContext, queryHash }));
    };
    return { ...loaded, executor };
  };
  return gateway;
}
