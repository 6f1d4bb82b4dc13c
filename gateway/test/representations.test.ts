import type { FetchNode, QueryPlanSelectionNode } from '@apollo/query-planner';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadApolloInternals, type JsonObject } from '../src/execution/apollo-internals';
import { representationsFor, selectFrom } from '../src/execution/representations';

/**
 * representationsFor deduplicates by a key read from each entity before any representation is
 * built. Equal keys must mean equal representations, and every distinct representation must
 * stay distinct: checked against building each one (`selectFrom`, Apollo's executeSelectionSet)
 * and comparing their JSON, on entities that differ in every way a `requires` selection can see —
 * key values of every JSON type, strings that would collide if concatenated, nested and list
 * fields, nulls, missing fields, type conditions met or not, no `__typename`.
 */
loadApolloInternals();
const schema = buildSchema(`
  interface Node { id: ID! }
  type Product implements Node { id: ID! sku: String dims: Dims tags: [String] variants: [Variant] }
  type Dims { w: Int h: Int }
  type Variant { code: String }
  type Query { node: Node }
`);

const field = (name: string, selections?: QueryPlanSelectionNode[]): QueryPlanSelectionNode => ({ kind: 'Field', name, ...(selections ? { selections } : {}) }) as QueryPlanSelectionNode;
const on = (typeCondition: string, selections: QueryPlanSelectionNode[]): QueryPlanSelectionNode => ({ kind: 'InlineFragment', typeCondition, selections }) as QueryPlanSelectionNode;
const requires = [
  on('Product', [field('__typename'), field('id'), field('sku'), field('dims', [field('w'), field('h')]), field('tags'), field('variants', [field('code')])]),
  on('Node', [field('__typename'), field('id')]),
];
const fetch = { kind: 'Fetch', serviceName: 's', requires, operation: '', operationKind: 'query', inputRewrites: undefined } as unknown as FetchNode;

function entities(): JsonObject[] {
  const base = { __typename: 'Product', id: '1', sku: 'a', dims: { w: 1, h: 2 }, tags: ['x', 'y'], variants: [{ code: 'c' }] };
  const variations: JsonObject[] = [
    {},
    { id: 1 },
    { id: '1 ' },
    { sku: 'ab', tags: ['', 'y'] },
    { sku: 'a', tags: ['xy'] },
    { sku: 'a,s1:b' },
    { sku: null },
    { sku: true },
    { sku: 1.5 },
    { sku: { nested: ['json'] } },
    { dims: null },
    { dims: { w: 1 } },
    { dims: { w: 1, h: '2' } },
    { tags: null },
    { tags: [] },
    { tags: [null, 'y'] },
    { variants: [null] },
    { variants: [{}] },
    { variants: [{ code: 'c' }, { code: 'd' }] },
    { __typename: 'Other' },
    { __typename: undefined },
    { sku: undefined },
  ];
  const out: JsonObject[] = [];
  for (const variation of variations) {
    const entity: JsonObject = { ...base, ...variation };
    for (const key of Object.keys(entity)) if (entity[key] === undefined) delete entity[key];
    out.push(entity, structuredClone(entity));
  }
  return out;
}

describe('representations are deduplicated by what the requires selection reads', () => {
  it('gives one representation per distinct representation JSON, each entity mapped to its own', () => {
    const list = entities();
    const { representations, representationToEntity, dedup } = representationsFor(schema as never, fetch, list);
    const built = list.map((entity) => selectFrom(schema as never, entity, requires));
    const expected = built.flatMap((representation, index) => (representation && representation.__typename ? [{ index, json: JSON.stringify(representation) }] : []));
    expect(representationToEntity).toEqual(expected.map((e) => e.index));
    expect(representations.map((r) => JSON.stringify(r))).toEqual(expected.map((e) => e.json));
    const distinct = new Set(expected.map((e) => e.json));
    expect(dedup?.unique.map((r) => JSON.stringify(r))).toEqual([...distinct]);
    expect(dedup?.uniqueIndexOf.map((j) => JSON.stringify(dedup.unique[j]))).toEqual(expected.map((e) => e.json));
    // Some entities have no representation (a missing field, no __typename), and the repeats were merged.
    expect(expected.length).toBeLessThan(list.length);
    expect(distinct.size).toBeLessThan(expected.length);
  });
});
