import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Authorization at the edge: `accounts` answers the roots; `vault` holds the guarded fields and
 * counts every request it gets. These subgraphs enforce nothing themselves on purpose, so what a
 * caller sees here is the gateway's doing alone (Mosaic's subgraphs enforce too).
 */
const subgraphs = {
  accounts: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
    type Query { me: User users: [User] search: [Result] }
    type User @key(fields: "id") { id: ID! name: String }
    type Org { title: String }
    union Result = User | Org`),
  vault: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])
    type Query { auditLog: [String] @policy(policies: [["admin"]]) }
    type User @key(fields: "id") {
      id: ID!
      secret: String @authenticated
      roles: [String] @requiresScopes(scopes: [["users:write"]])
      payroll: Payroll
    }
    type Payroll @authenticated { amount: Int }`),
};

const requests: Record<string, number> = { accounts: 0, vault: 0 };
const users = [{ id: 'u1', name: 'Ada' }, { id: 'u2', name: 'Bob' }];
const resolvers = {
  accounts: {
    Query: { me: () => users[0], users: () => users, search: () => [{ __typename: 'User', ...users[1] }, { __typename: 'Org', title: 'Mosaic' }] },
    Result: { __resolveType: (r: { __typename: string }) => r.__typename },
    User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) },
  },
  vault: {
    Query: { auditLog: () => ['created'] },
    User: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, secret: `secret of ${ref.id}`, roles: ['user'], payroll: { amount: 42 } }) },
  },
};

let auth: TestAuth;
let gateway: Gateway;
let server: RunningServer;
let url: string;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const urls: Record<string, string> = {};
  for (const [name, typeDefs] of Object.entries(subgraphs)) {
    const subgraph = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers[name as keyof typeof resolvers] as never }),
      plugins: [{ requestDidStart: async () => void (requests[name] = (requests[name] ?? 0) + 1) }],
    });
    urls[name] = (await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } })).url;
    stops.push(() => subgraph.stop());
  }
  const composed = composeServices(Object.entries(subgraphs).map(([name, typeDefs]) => ({ name, typeDefs, url: urls[name] })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  auth = await createTestAuth();
  const log = createLogger('test', { level: 'silent' });
  gateway = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false, rateLimits: { perIp: 0, perUser: 0 } });
  await gateway.start();
  server = await listen(createRoutedServer(gateway.routes, log), 0, '127.0.0.1');
  url = `${server.url}/graphql`;
});

afterAll(async () => {
  await gateway?.stop();
  await server?.close();
  for (const stop of stops) await stop();
});

const counted = async (query: string, token?: string) => {
  requests.accounts = 0;
  requests.vault = 0;
  const response = await graphql(url, query, {}, { token });
  return { response, requests: { ...requests } };
};
/** The body a client sees: data, and errors only if any. */
const plain = (r: { data?: unknown; errors?: unknown }) => ({ data: r.data, ...(r.errors ? { errors: r.errors } : {}) });
const codesAt = (errors: readonly { path?: readonly unknown[]; extensions?: Record<string, unknown> }[] | undefined) => (errors ?? []).map((e) => [e.path, e.extensions?.code]);

describe('authorization at the edge', () => {
  it('gives an anonymous caller null and UNAUTHENTICATED at a guarded field, without calling the subgraph that holds it', async () => {
    const { response, requests } = await counted(`{ me { id name secret } }`);
    expect(response.data).toEqual({ me: { id: 'u1', name: 'Ada', secret: null } });
    expect(codesAt(response.errors)).toEqual([[['me', 'secret'], 'UNAUTHENTICATED']]);
    expect(requests).toEqual({ accounts: 1, vault: 0 });
  });

  it('lets a signed-in caller through to the subgraph', async () => {
    const { response, requests } = await counted(`{ me { id name secret } }`, (await auth.newUser()).token);
    expect(plain(response)).toEqual({ data: { me: { id: 'u1', name: 'Ada', secret: 'secret of u1' } } });
    expect(requests).toEqual({ accounts: 1, vault: 1 });
  });

  it('reports each list position, a type-level guard (fields returning it) and a selection left empty', async () => {
    const { response, requests } = await counted(`{ users { name payroll { amount } } me { secret } }`);
    expect(response.data).toEqual({ users: [{ name: 'Ada', payroll: null }, { name: 'Bob', payroll: null }], me: { secret: null } });
    expect(codesAt(response.errors)).toEqual([
      [['users', 0, 'payroll'], 'UNAUTHENTICATED'],
      [['users', 1, 'payroll'], 'UNAUTHENTICATED'],
      [['me', 'secret'], 'UNAUTHENTICATED'],
    ]);
    expect(requests.vault).toBe(0);
  });

  it('checks scopes: a user without the scope gets FORBIDDEN with the scopes it needs; an admin (who holds it) gets the value', async () => {
    const query = `{ me { roles secret } }`;
    const user = await counted(query, (await auth.newUser()).token);
    expect(user.response.data).toEqual({ me: { roles: null, secret: 'secret of u1' } });
    expect(user.response.errors?.[0]).toMatchObject({ path: ['me', 'roles'], extensions: { code: 'FORBIDDEN', requiredScopes: [['users:write']] } });
    const admin = await counted(query, (await auth.newUser(['admin'])).token);
    expect(plain(admin.response)).toEqual({ data: { me: { roles: ['user'], secret: 'secret of u1' } } });
  });

  it('decides viewer-only policies (admin) at the edge; a root field alone and denied calls no subgraph', async () => {
    const { response, requests } = await counted(`{ auditLog }`, (await auth.newUser()).token);
    expect(response.data).toEqual({ auditLog: null });
    expect(codesAt(response.errors)).toEqual([[['auditLog'], 'FORBIDDEN']]);
    expect(requests).toEqual({ accounts: 0, vault: 0 });
    const admin = await counted(`{ auditLog }`, (await auth.newUser(['admin'])).token);
    expect(plain(admin.response)).toEqual({ data: { auditLog: ['created'] } });
  });

  it('puts nulls back inside fragments on abstract types only where the type matches', async () => {
    const { response } = await counted(`query Q { search { __typename ...U ... on Org { title } } } fragment U on User { name secret }`);
    expect(response.data).toEqual({ search: [{ __typename: 'User', name: 'Bob', secret: null }, { __typename: 'Org', title: 'Mosaic' }] });
    expect(codesAt(response.errors)).toEqual([[['search', 0, 'secret'], 'UNAUTHENTICATED']]);
  });
});
