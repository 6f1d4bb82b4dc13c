import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { enforceAccessDirectives, encodeId, requireRecentSecondFactor, standardPolicies, stepUpPolicy, type AccessContext, type Policies, type Viewer } from '../src/index';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])
  type Query {
    open: String
    signedIn: String @authenticated
    reports: String @requiresScopes(scopes: [["reports:read", "reports:export"], ["admin"]])
  }
  type User @key(fields: "id") {
    id: ID!
    secrets: String @policy(policies: [["self"], ["admin"]])
  }
  type Vault @key(fields: "id") @authenticated {
    id: ID!
    contents: String @requiresScopes(scopes: [["vault:read"]])
  }
`);

const viewer = (userId: string, scopes: string[] = [], roles: string[] = ['user']): Viewer => ({ userId, sessionId: 's', roles, scopes: new Set(scopes), amr: ['pwd'] });
const ALICE = '0190a1b2-0000-7000-8000-000000000001';

const schema = enforceAccessDirectives<AccessContext>(
  buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: { open: () => 'open', signedIn: () => 'in', reports: () => 'reports' },
      User: { __resolveReference: (ref: { id: string }) => ref, secrets: () => 'secret' },
      Vault: { __resolveReference: (ref: { id: string }) => ref, contents: () => 'gold' },
    } as never,
  }),
  standardPolicies as Policies<AccessContext>,
);

async function run(query: string, ctxViewer: Viewer | null, variables?: Record<string, unknown>) {
  const result = await execute({ schema, document: parse(query), contextValue: { viewer: ctxViewer }, variableValues: variables ?? {} });
  return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code) };
}

describe('access directives', () => {
  it('@authenticated refuses anonymous callers only', async () => {
    expect(await run('{ open signedIn }', null)).toEqual({ data: { open: 'open', signedIn: null }, codes: ['UNAUTHENTICATED'] });
    expect((await run('{ signedIn }', viewer(ALICE))).data).toEqual({ signedIn: 'in' });
  });

  it('@requiresScopes is an OR of AND-groups', async () => {
    expect((await run('{ reports }', viewer(ALICE, ['reports:read']))).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ reports }', viewer(ALICE, ['reports:read', 'reports:export']))).data).toEqual({ reports: 'reports' });
    expect((await run('{ reports }', viewer(ALICE, ['admin']))).data).toEqual({ reports: 'reports' });
    expect((await run('{ reports }', null)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('@policy(self/admin) guards entity fields resolved through _entities', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { secrets } } }`;
    const reps = { reps: [{ __typename: 'User', id: encodeId('User', ALICE) }] };
    expect((await run(query, viewer(ALICE), reps)).data).toEqual({ _entities: [{ secrets: 'secret' }] });
    expect((await run(query, viewer('0190a1b2-0000-7000-8000-000000000002'), reps)).codes).toEqual(['FORBIDDEN']);
    expect((await run(query, viewer('0190a1b2-0000-7000-8000-000000000002', [], ['admin']), reps)).data).toEqual({ _entities: [{ secrets: 'secret' }] });
    expect((await run(query, null, reps)).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('a type-level directive applies to the entity reference and to every field, with field directives on top', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Vault { id contents } } }`;
    const reps = { reps: [{ __typename: 'Vault', id: 'v1' }] };
    expect((await run(query, null, reps)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await run(query, viewer(ALICE), reps)).codes).toEqual(['FORBIDDEN']);
    expect((await run(query, viewer(ALICE, ['vault:read']), reps)).data).toEqual({ _entities: [{ id: 'v1', contents: 'gold' }] });
  });

  it('refuses to build a schema that names an unregistered policy', () => {
    const broken = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@policy"])
      type Query { x: String @policy(policies: [["nobody"]]) }`);
    expect(() => enforceAccessDirectives(buildSubgraphSchema({ typeDefs: broken }), {})).toThrow(/no such policy/);
  });
});

describe('service principals and step-up', () => {
  const service = { clientId: 'mosaic_app', scopes: new Set(['reports:read', 'reports:export']) };
  const runAs = async (query: string, ctx: AccessContext) => {
    const result = await execute({ schema, document: parse(query), contextValue: ctx });
    return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code) };
  };

  it('a client-credentials caller passes @requiresScopes with its scopes but not @authenticated or policies', async () => {
    expect((await runAs('{ reports }', { viewer: null, service })).data).toEqual({ reports: 'reports' });
    expect((await runAs('{ signedIn }', { viewer: null, service })).codes).toEqual(['FORBIDDEN']);
    const reps = `{ _entities(representations: [{ __typename: "User", id: "${encodeId('User', ALICE)}" }]) { ... on User { secrets } } }`;
    expect((await runAs(reps, { viewer: null, service })).codes).toEqual(['FORBIDDEN']);
  });

  it("a third-party app's token reaches only fields that declare a scope it holds", async () => {
    const app = { ...viewer(ALICE, ['reports:read', 'reports:export']), clientId: 'mosaic_app' };
    expect((await runAs('{ reports }', { viewer: app })).data).toEqual({ reports: 'reports' });
    expect((await runAs('{ signedIn }', { viewer: app })).codes).toEqual(['FORBIDDEN']);
    const reps = `{ _entities(representations: [{ __typename: "User", id: "${encodeId('User', ALICE)}" }]) { ... on User { secrets } } }`;
    expect((await runAs(reps, { viewer: app })).codes).toEqual(['FORBIDDEN']);
  });

  it('stepUpPolicy guards a field with STEP_UP_REQUIRED until a second factor is recent', async () => {
    const sdl = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@policy"])
      type Query { transfer: String @policy(policies: [["recent-2fa"]]) }`);
    const guarded = enforceAccessDirectives<AccessContext>(buildSubgraphSchema({ typeDefs: sdl, resolvers: { Query: { transfer: () => 'sent' } } }), { 'recent-2fa': stepUpPolicy(300) });
    const run = async (v: Viewer) => {
      const result = await execute({ schema: guarded, document: parse('{ transfer }'), contextValue: { viewer: v } });
      return result.errors?.[0]?.extensions ?? result.data;
    };
    const now = Date.now() / 1000;
    expect(await run({ ...viewer(ALICE), amr: ['pwd'], authTime: now })).toEqual({ code: 'STEP_UP_REQUIRED', maxAgeSeconds: 300 });
    expect(await run({ ...viewer(ALICE), amr: ['pwd', 'otp', 'mfa'], authTime: now - 10 })).toEqual({ transfer: 'sent' });
  });

  it('requireRecentSecondFactor answers STEP_UP_REQUIRED with the max age, unless a second factor is recent', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const at = (secondsAgo: number) => now.getTime() / 1000 - secondsAgo;
    const pwdOnly = { ...viewer(ALICE), amr: ['pwd'], authTime: at(10) };
    const stale = { ...viewer(ALICE), amr: ['pwd', 'otp', 'mfa'], authTime: at(301) };
    const fresh = { ...viewer(ALICE), amr: ['pwd', 'otp', 'mfa'], authTime: at(30) };
    const app = { ...fresh, clientId: 'mosaic_app' };
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return 'ok';
      } catch (error) {
        return [(error as { extensions: { code: string; maxAgeSeconds?: number } }).extensions.code, (error as { extensions: { maxAgeSeconds?: number } }).extensions.maxAgeSeconds];
      }
    };
    expect(codeOf(() => requireRecentSecondFactor(pwdOnly, 300, now))).toEqual(['STEP_UP_REQUIRED', 300]);
    expect(codeOf(() => requireRecentSecondFactor(stale, 300, now))).toEqual(['STEP_UP_REQUIRED', 300]);
    expect(codeOf(() => requireRecentSecondFactor(fresh, 300, now))).toBe('ok');
    expect(codeOf(() => requireRecentSecondFactor(app, 300, now))).toEqual(['FORBIDDEN', undefined]);
    expect(codeOf(() => requireRecentSecondFactor(null, 300, now))).toEqual(['UNAUTHENTICATED', undefined]);
  });
});
