import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { parse, print, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { correctRequiredArguments } from '../src/planning/plan-corrections';
import { plannerInput } from '../src/planning/planner-input';
import { supergraphForGateway } from '../src/supergraph';
import { planSubscription } from '../src/subscriptions/plan-subscription';
import { buildSupergraphModel } from '../src/subscriptions/supergraph-model';
import { STOCK_GAP_GRAPHS, type GapGraph } from './stock-gap-graphs';

const supergraphOf = (graph: GapGraph) => {
  const composed = composeServices(Object.entries(graph.subgraphs).map(([name, s]) => ({ name, typeDefs: s.typeDefs, url: `http://${name}.invalid/graphql` })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
};
const apiSchema = (sdl: string) => printSchema(Supergraph.build(sdl).apiSchema().toGraphQLJSSchema());

function fetches(node: PlanNode | undefined, into: FetchNode[] = []): FetchNode[] {
  if (!node) return into;
  if (node.kind === 'Fetch') into.push(node);
  else if (node.kind === 'Sequence' || node.kind === 'Parallel') node.nodes.forEach((n) => fetches(n, into));
  else if (node.kind === 'Flatten') fetches(node.node, into);
  return into;
}

describe("the planner's corrected supergraph", () => {
  it("leaves Mosaic's own supergraph as it is (no @requires with arguments, resolvable keys already first)", () => {
    const sdl = supergraphForGateway(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
    expect(plannerInput(sdl).supergraphSdl).toBe(print(parse(sdl)));
  });

  it.each(Object.entries(STOCK_GAP_GRAPHS))('%s: serves the same API schema', (_name, graph) => {
    const sdl = supergraphOf(graph);
    expect(apiSchema(plannerInput(sdl).supergraphSdl)).toBe(apiSchema(sdl));
  });

  it('gives each required (field, arguments) an alias of its own in the fetch, renamed back in the representations', () => {
    const input = plannerInput(supergraphOf(STOCK_GAP_GRAPHS.requiresWithArgument));
    const supergraph = Supergraph.build(input.supergraphSdl);
    const operation = operationFromDocument(supergraph.apiSchema(), parse(`query($limit: Int!) { feed { lastCommenter comments(limit: $limit) { id } } }`));
    const plan = correctRequiredArguments(new QueryPlanner(supergraph).buildQueryPlan(operation), input);
    const [root, entity] = fetches(plan.node as PlanNode);
    const [synthetic] = input.required.keys();
    expect(root!.operation).toContain(`${synthetic}:comments(limit:2){authorId}`);
    expect(root!.operation).toContain('comments(limit:$limit){id}');
    expect(entity!.inputRewrites).toContainEqual({ kind: 'KeyRenamer', path: ['... on Post', synthetic], renameKeyTo: 'comments' });
  });

  it('splits an entity fetch whose fields require one field with two argument sets', () => {
    const input = plannerInput(supergraphOf(STOCK_GAP_GRAPHS.requiresWithArgumentConflict));
    const supergraph = Supergraph.build(input.supergraphSdl);
    const operation = operationFromDocument(supergraph.apiSchema(), parse(`{ products { upc shippingUSD shippingEUR } }`));
    const plan = correctRequiredArguments(new QueryPlanner(supergraph).buildQueryPlan(operation), input);
    const shipping = fetches(plan.node as PlanNode).filter((f) => f.serviceName === 'shipping');
    expect(shipping.map((f) => f.operation.match(/shipping(USD|EUR)/g))).toEqual([['shippingUSD'], ['shippingEUR']]);
    for (const fetch of shipping) expect(fetch.inputRewrites?.filter((r) => r.kind === 'KeyRenamer')).toHaveLength(1);
  });

  it("corrects subscription plans too (the event's entity fetches)", () => {
    const live = {
      typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
        type Query { livePing: String }
        type Subscription { postUpdated: Post }
        type Post @key(fields: "id", resolvable: false) { id: ID! }`),
      resolvers: {},
    };
    const graph = { ...STOCK_GAP_GRAPHS.requiresWithArgument, subgraphs: { ...STOCK_GAP_GRAPHS.requiresWithArgument.subgraphs, live } };
    const plan = planSubscription(buildSupergraphModel(supergraphOf(graph)), parse(`subscription { postUpdated { lastCommenter comments(limit: 1) { id } } }`), null);
    const operations = fetches(plan.eventPlan.node as PlanNode).map((f) => f.operation);
    expect(operations.some((o) => /_mosaicRequired_comments_\w+:comments\(limit:2\)\{authorId\}/.test(o))).toBe(true);
    expect(operations.some((o) => o.includes('comments(limit:1){id}'))).toBe(true);
  });

  it("puts each subgraph's resolvable keys before its non-resolvable ones, other graphs' keys where they were", () => {
    const { supergraphSdl } = plannerInput(supergraphOf(STOCK_GAP_GRAPHS.severalKeys));
    const thing = /type Thing (.*) \{/.exec(supergraphSdl)![1]!;
    const labels = [...thing.matchAll(/@join__type\(graph: LABELS, key: "([^"]+)"(, resolvable: false)?\)/g)].map((m) => m[1]);
    expect(labels[0]).toBe('id serial { two }');
  });

  it('knows each entity type\'s first resolvable plain key per subgraph (an entity fetch of its own needs one)', () => {
    const { resolvableKeys } = plannerInput(supergraphOf(STOCK_GAP_GRAPHS.nonResolvableInterfaceObject));
    expect(resolvableKeys.get('Shelf')).toEqual(new Map([['nodes', ['id']]]));
    expect(resolvableKeys.get('Node')).toEqual(new Map([['nodes', ['id']]]));
    const { resolvableKeys: nested } = plannerInput(supergraphOf(STOCK_GAP_GRAPHS.severalKeys));
    // `id serial { two }` selects below a field: not a plain key, so another is used or none.
    expect([...(nested.get('Thing')?.values() ?? [])].every((key) => key.every((field) => /^\w+$/.test(field)))).toBe(true);
  });
});
