import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costModel } from '../src/demand-control/cost-model';
import { actualCost, estimatedCost } from '../src/demand-control/operation-cost';

const sdl = `
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query {
    posts(first: Int, last: Int): PostConnection @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges"])
    tags: [String]
    search(text: String @cost(weight: 7)): [Post] @listSize(assumedSize: 3)
  }
  type Mutation { publish(id: ID!): Post }
  type PostConnection { edges: [PostEdge] count: Int }
  type PostEdge { node: Post }
  type Post @cost(weight: 4) { id: ID! title: String comments: [Comment] }
  type Comment { text: String }`;
const schema = buildSchema(sdl);
const model = costModel(sdl);

function cost(query: string, variables?: Record<string, unknown>, data?: unknown) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return {
    estimated: estimatedCost(schema, model, operation, fragments, variables, { defaultListSize: 10 }),
    actual: data === undefined ? undefined : actualCost(schema, model, operation, fragments, variables, data),
  };
}

describe('operation cost (IBM cost spec)', () => {
  it('sizes a connection by its slicing argument through sizedFields, types by @cost, lists without @listSize by the default', () => {
    // posts: 1 + edges (5 × (1 + node (4 + comments 10 × 1))) = 1 + 5 × 15 = 76
    expect(cost(`query($n: Int) { posts(first: $n) { count edges { node { title comments { text } } } } }`, { n: 5 }).estimated).toBe(76);
  });

  it('weighs arguments, uses assumedSize, skips what @skip / @include leave out and follows fragments', () => {
    // search: 3 × (4 + 7) = 33; tags: scalars cost 0
    expect(cost(`query($skip: Boolean!) { search(text: "a") { ...P } tags posts @skip(if: $skip) { count } } fragment P on Post { title }`, { skip: true }).estimated).toBe(33);
    expect(cost(`query($skip: Boolean!) { posts @skip(if: $skip) { count } }`, { skip: false }).estimated).toBe(1);
  });

  it('costs a mutation root field 10, and the actual cost from the items the response holds', () => {
    expect(cost(`mutation { publish(id: "1") { id } }`).estimated).toBe(10);
    const data = { search: [{ title: 'a', comments: [{ text: 'x' }, { text: 'y' }] }, null, { title: 'b', comments: [] }] };
    // two posts: 2 × (4 + 7) + two comments × 1 = 24; the null costs nothing
    expect(cost(`{ search(text: "a") { title comments { text } } }`, undefined, data)).toEqual({ estimated: 3 * (4 + 7 + 10), actual: 24 });
  });
});
