import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7, type SubgraphModule } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, type ServedSubgraph, type TestAuth, type TestDatabase } from '@mosaic/testing';
import { loadSubgraphs } from '../../src/registry';
import { generateOperations, selectionOf } from './operation-generator';

/**
 * The zero-leak matrix: two organisations with the same data shapes, then every query, mutation
 * and `_entities` lookup of every tenant-aware subgraph (those declaring `rowLevelSecurity`),
 * generated from its schema, run as a member of organisation B with organisation A's ids — no
 * answer may contain a row of A, and A's rows are unchanged afterwards.
 */
let database: TestDatabase;
let auth: TestAuth;
const served: { module: SubgraphModule; server: ServedSubgraph }[] = [];

interface Org {
  id: string;
  marker: string;
  ownerId: string;
  ownerToken: string;
  memberToken: string;
  /** Public ids of the organisation's rows, by GraphQL type. */
  ids: Map<string, string[]>;
}
const orgs: Org[] = [];

async function newOrg(letter: string): Promise<Org> {
  const id = uuidv7();
  const ownerId = uuidv7();
  const tenant = (role: string) => ({ tenant: { id, role } });
  return {
    id,
    marker: `leak${letter}${Math.random().toString(36).slice(2, 8)}`,
    ownerId,
    ownerToken: await auth.tokenFor(ownerId, tenant('owner')),
    memberToken: await auth.tokenFor(uuidv7(), tenant('member')),
    ids: new Map([['User', [encodeId('User', ownerId)]]]),
  };
}

/** The create mutations whose input can be shared with the organisation: how each subgraph makes tenant rows. */
function shareableCreates(schema: GraphQLSchema) {
  return Object.values(schema.getMutationType()?.getFields() ?? {}).filter((field) => {
    const input = field.args.find((arg) => arg.name === 'input');
    const type = input && getNamedType(input.type);
    return field.name.startsWith('create') && type && isInputObjectType(type) && 'shared' in type.getFields();
  });
}

async function seed(org: Org) {
  for (const { server } of served) {
    const schema = server.built.subgraph.schema;
    for (const field of shareableCreates(schema)) {
      for (const shared of [true, false]) {
        const [operation] = generateOperations(schemaWith(schema, field.name), { idFor: () => undefined, text: `${org.marker} ${shared ? 'shared' : 'private'}` });
        const variables = { input: { ...(operation!.variables.input as object), shared } };
        const result = await graphql(server.url, operation!.query, variables, { token: org.ownerToken });
        if (result.errors) throw new Error(`${field.name}: ${JSON.stringify(result.errors)}`);
        const created = result.data![field.name] as { __typename: string; id: string };
        org.ids.set(created.__typename, [...(org.ids.get(created.__typename) ?? []), created.id]);
      }
    }
  }
}

/** A schema view whose Mutation type is only `field` (the generator then yields just that operation). */
function schemaWith(schema: GraphQLSchema, field: string): GraphQLSchema {
  const mutation = schema.getMutationType()!;
  const only = Object.assign(Object.create(Object.getPrototypeOf(mutation) as object) as typeof mutation, mutation, { getFields: () => ({ [field]: mutation.getFields()[field]! }) });
  return Object.assign(Object.create(Object.getPrototypeOf(schema) as object) as GraphQLSchema, schema, { getQueryType: () => undefined, getMutationType: () => only, getType: () => undefined });
}

/** Everything of `org` as its owner sees it (to prove nothing changed). */
async function snapshot(org: Org): Promise<unknown[]> {
  const views: unknown[] = [];
  for (const { server } of served) {
    const schema = server.built.subgraph.schema;
    for (const [typeName, ids] of org.ids) {
      const type = schema.getType(typeName);
      if (!type || typeName === 'User') continue;
      const result = await graphql(server.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} ${selectionOf(type as never)} } }`, { r: ids.map((id) => ({ __typename: typeName, id })) }, { token: org.ownerToken });
      views.push(result.data);
    }
  }
  return views;
}

beforeAll(async () => {
  database = await createTestDatabase();
  auth = await createTestAuth();
  const modules = (await loadSubgraphs()).map((entry) => entry.module).filter((module) => module.rowLevelSecurity);
  for (const module of modules) {
    served.push({ module, server: await serveModuleForTest(module, { db: database.appDb(), client: database.client, verifier: auth.verifier }) });
  }
  orgs.push(await newOrg('A'), await newOrg('B'));
  for (const org of orgs) await seed(org);
}, 60_000);
afterAll(async () => {
  for (const { server } of served) await server.close();
  await database.drop();
});

describe('zero-leak matrix', () => {
  it('finds the tenant-aware subgraphs and gives both organisations the same shapes', () => {
    expect(served.map(({ module }) => module.name)).toEqual(expect.arrayContaining(['todos', 'notes']));
    const [a, b] = orgs;
    expect([...a!.ids.keys()].sort()).toEqual([...b!.ids.keys()].sort());
    expect(a!.ids.get('Todo')).toHaveLength(2);
    expect(a!.ids.get('Note')).toHaveLength(2);
  });

  it('no query, mutation or _entities lookup run by a member of B returns a row of A, and A is unchanged', async () => {
    const [a, b] = orgs as [Org, Org];
    const before = await snapshot(a);
    const leaks: string[] = [];
    let ran = 0;
    let sawOwn = false;
    const foreign = [a.marker, ...[...a.ids].filter(([type]) => type !== 'User').flatMap(([, ids]) => ids)];
    for (const { module, server } of served) {
      // A's ids, wherever an id is asked for; B's own marker in whatever B writes.
      const operations = generateOperations(server.built.subgraph.schema, { idFor: (type) => a.ids.get(type)?.[0], text: `${b.marker} probe` });
      for (const operation of operations) {
        const result = await graphql(server.url, operation.query, operation.variables, { token: b.memberToken });
        ran++;
        const data = JSON.stringify(result.data ?? null);
        if (data.includes(b.marker)) sawOwn = true;
        for (const needle of foreign) if (data.includes(needle)) leaks.push(`${module.name} ${operation.name}: ${data.slice(0, 300)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(ran).toBeGreaterThan(20);
    // The detector works: the same operations as a member of A do find A's rows.
    let seenByA = 0;
    for (const { server } of served) {
      for (const operation of generateOperations(server.built.subgraph.schema, { idFor: (type) => a.ids.get(type)?.[0], text: `${a.marker} control` })) {
        if (operation.name.startsWith('mutation')) continue;
        const data = JSON.stringify((await graphql(server.url, operation.query, operation.variables, { token: a.memberToken })).data ?? null);
        if (foreign.some((needle) => data.includes(needle))) seenByA++;
      }
    }
    expect(seenByA).toBeGreaterThan(2);
    // The matrix reaches data (B's own rows show up), so "no leak" is not "no answer at all".
    expect(sawOwn).toBe(true);
    expect(await snapshot(a)).toEqual(before);
  });
});
