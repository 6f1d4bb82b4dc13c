import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armorFor, DEFAULT_OPERATION_LIMITS } from '../src/http/operation-limits';

const schema = buildSchema(`type Query { me: User  echo(text: String): String } type User { id: ID! name: String }`);
const rules = armorFor(DEFAULT_OPERATION_LIMITS, false).validationRules;
const errorsOf = (query: string) => validate(schema, parse(query, { maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens }), [...specifiedRules, ...rules]).map((e) => e.message);
const nested = (field: string, depth: number, leaf: string) => `${`${field} { `.repeat(depth)}${leaf}${' }'.repeat(depth)}`;

describe('operation limits', () => {
  it('counts aliases of __typename like any other alias', () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(errorsOf(`{ ${aliases} }`).join()).toMatch(/Aliases limit of 30 exceeded, found 1000/);
  });

  it('bounds introspection depth, and still lets the standard introspection query through', () => {
    expect(errorsOf(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }))).toEqual([]);
    expect(errorsOf(`{ __schema { types { ${nested('ofType', 40, 'name')} } } }`).join()).toMatch(/Introspection depth limit of 20 exceeded, found 43/);
    expect(errorsOf(`{ __type(name: "User") { ...Deep } } fragment Deep on __Type { ${nested('ofType', 30, 'name')} }`).join()).toMatch(/Introspection depth limit of 20 exceeded/);
  });

  it('measures each fragment once: 2^30 paths through spreads finish (exponential would never)', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on __Type { ...F${i + 1} ...F${i + 1} }`).join('\n');
    expect(errorsOf(`{ __type(name: "User") { ...F0 } } ${fragments} fragment F30 on __Type { name }`).join()).not.toMatch(/Introspection depth/);
  });

  it('bounds string literals, pointing at variables', () => {
    expect(errorsOf(`{ echo(text: "${'x'.repeat(100_000)}") }`).join()).toMatch(/String literal of 100000 characters is longer than the limit of 10000: pass large values as variables/);
    expect(errorsOf(`{ echo(text: """${'x'.repeat(10_001)}""") }`).join()).toMatch(/longer than the limit/);
    expect(errorsOf(`{ echo(text: "${'x'.repeat(10_000)}") }`)).toEqual([]);
  });
});
