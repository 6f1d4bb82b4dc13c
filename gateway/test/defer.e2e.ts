import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeferTestGraph, type DeferTestGraph } from './defer-test-graph';
import { multipartPayloads } from './multipart';

/**
 * @defer through the gateway over HTTP, read as raw multipart: the primary payload first (sent
 * while the deferred entity fetch is still held at the subgraph), then `incremental` payloads
 * with data, path, label and errors in the 2022-08-24 format; lists, nested @defer, nulls inside
 * deferred fragments, the Accept rule, and edge authorization inside a deferred fragment.
 */
let graph: DeferTestGraph;
beforeAll(async () => {
  graph = await startDeferTestGraph();
});
afterAll(async () => {
  await graph?.close();
});

const DEFER_ACCEPT = 'multipart/mixed;deferSpec=20220824,application/json';

function post(query: string, options: { accept?: string; token?: string; variables?: Record<string, unknown> } = {}) {
  return fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.accept ? { accept: options.accept } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, ...(options.variables ? { variables: options.variables } : {}) }),
  });
}

async function allPayloads(query: string, options: Parameters<typeof post>[1] = {}) {
  const response = await post(query, { accept: DEFER_ACCEPT, ...options });
  expect(response.status).toBe(200);
  const payloads: Record<string, unknown>[] = [];
  for await (const payload of multipartPayloads(response)) payloads.push(payload);
  return payloads;
}

describe('@defer over HTTP multipart', () => {
  it('sends the primary payload while the deferred fetch is still held, then the deferred fragment', async () => {
    graph.gate.close();
    const response = await post(`{ me { name ... @defer(label: "notes") { notes { text } } } }`, { accept: DEFER_ACCEPT });
    expect(response.headers.get('content-type')).toBe('multipart/mixed; boundary="-"; deferSpec=20220824');
    const payloads = multipartPayloads(response);
    const first = await payloads.next();
    expect(first.value).toEqual({ data: { me: { name: 'Name u1' } }, hasNext: true });
    // The deferred entity fetch reached `extras` and is held there: the first payload did not wait for it.
    await graph.gate.waiting();
    graph.gate.open();
    const second = await payloads.next();
    expect(second.value).toEqual({
      incremental: [{ data: { notes: [{ text: 'Note 1 of u1' }, { text: 'Note 2 of u1' }] }, path: ['me'], label: 'notes' }],
      hasNext: false,
    });
    expect((await payloads.next()).done).toBe(true);
  });

  it('delivers a fragment inside a list once per element, a non-null failure nulling only its own entry', async () => {
    const payloads = await allPayloads(`{ posts { title ... @defer { likes } } }`);
    expect(payloads[0]).toEqual({ data: { posts: [{ title: 'First' }, { title: 'Broken likes' }, { title: 'Third' }] }, hasNext: true });
    expect(payloads).toHaveLength(2);
    const rest = payloads[1] as { incremental: { data: unknown; path: unknown[]; errors?: { message: string; path: unknown[]; extensions: { code: string } }[] }[]; hasNext: boolean };
    expect(rest.hasNext).toBe(false);
    expect(rest.incremental.map((entry) => [entry.path, entry.data])).toEqual([
      [['posts', 0], { likes: 20 }],
      [['posts', 1], null],
      [['posts', 2], { likes: 20 }],
    ]);
    expect(rest.incremental[1]!.errors).toEqual([expect.objectContaining({ message: 'Likes are being recounted.', path: ['posts', 1, 'likes'], extensions: expect.objectContaining({ code: 'UNAVAILABLE' }) })]);
    expect(rest.incremental[0]!.errors).toBeUndefined();
  });

  it('puts an error inside a deferred list at its path, with the nulls it causes', async () => {
    const payloads = await allPayloads(`{ posts { id author { name ... @defer { bio notes { text } } } } }`);
    const rest = payloads.slice(1).flatMap((p) => (p as { incremental?: { data: unknown; path: unknown[]; errors?: { path: unknown[] }[] }[] }).incremental ?? []);
    const byPath = new Map(rest.map((entry) => [JSON.stringify(entry.path), entry]));
    expect(byPath.get('["posts",0,"author"]')?.data).toEqual({ bio: 'Bio of u1', notes: [{ text: 'Note 1 of u1' }, { text: 'Note 2 of u1' }] });
    // u2's notes fail: `notes` is non-null, so the fragment's own data is null — the primary payload keeps u2's name.
    expect(byPath.get('["posts",1,"author"]')?.data).toBeNull();
    expect(byPath.get('["posts",1,"author"]')?.errors?.map((e) => e.path)).toEqual([['posts', 1, 'author', 'notes']]);
    expect(payloads[0]).toMatchObject({ data: { posts: [{ author: { name: 'Name u1' } }, { author: { name: 'Name u2' } }, { author: { name: 'Name u1' } }] } });
  });

  it('sends a nested @defer after the fragment it is nested in', async () => {
    const payloads = await allPayloads(`{ posts { title ... @defer(label: "outer") { likes author { name ... @defer(label: "inner") { bio } } } } }`);
    const labels = payloads.slice(1).flatMap((p) => ((p as { incremental?: { label?: string }[] }).incremental ?? []).map((entry) => entry.label));
    expect(labels.indexOf('inner')).toBeGreaterThan(labels.lastIndexOf('outer'));
    const entries = payloads.slice(1).flatMap((p) => (p as { incremental?: { data: unknown; path: unknown[]; label?: string }[] }).incremental ?? []);
    expect(entries.filter((e) => e.label === 'outer').map((e) => e.path)).toEqual([['posts', 0], ['posts', 1], ['posts', 2]]);
    expect(entries.find((e) => e.label === 'outer' && e.path[1] === 0)?.data).toEqual({ likes: 20, author: { name: 'Name u1' } });
    // Post 2's outer fragment is null (its likes failed): nothing of it reaches the client, so no inner fragment goes there.
    expect(entries.filter((e) => e.label === 'inner').map((e) => e.path)).toEqual([['posts', 0, 'author'], ['posts', 2, 'author']]);
    expect(entries.find((e) => e.label === 'inner')?.data).toEqual({ bio: 'Bio of u1' });
    expect((payloads.at(-1) as { hasNext: boolean }).hasNext).toBe(false);
  });

  it('refuses @defer without a multipart Accept, as Apollo Router does', async () => {
    const response = await post(`{ me { name ... @defer { bio } } }`, { accept: 'application/json' });
    expect(response.status).toBe(406);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('DEFER_BAD_HEADER');
    expect(body.errors[0]!.message).toContain('multipart/mixed;deferSpec=20220824');
  });

  it('labels the body with the format it is in when the client also accepts the newer incremental format', async () => {
    const both = await post(`{ me { name ... @defer { bio } } }`, { accept: 'multipart/mixed;incrementalSpec=v0.2, multipart/mixed;deferSpec=20220824, application/json' });
    expect(both.headers.get('content-type')).toBe('multipart/mixed; boundary="-"; deferSpec=20220824');
    const payloads: Record<string, unknown>[] = [];
    for await (const payload of multipartPayloads(both)) payloads.push(payload);
    expect(payloads[1]).toEqual({ incremental: [{ data: { bio: 'Bio of u1' }, path: ['me'] }], hasNext: false });
    const newerOnly = await post(`{ me { name ... @defer { bio } } }`, { accept: 'multipart/mixed;incrementalSpec=v0.2' });
    expect(newerOnly.status).toBe(406);
  });

  it('answers with one JSON result when every @defer is switched off', async () => {
    const response = await post(`query ($d: Boolean!) { me { name ... @defer(if: $d) { bio } } }`, { accept: 'application/json', variables: { d: false } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { name: 'Name u1', bio: 'Bio of u1' } } });
    const byDefault = await post(`query ($d: Boolean = false) { me { name ... @defer(if: $d) { bio } } }`, { accept: 'application/json' });
    expect(await byDefault.json()).toEqual({ data: { me: { name: 'Name u1', bio: 'Bio of u1' } } });
  });

  it('nulls a guarded field inside a deferred fragment with its error, in that fragment', async () => {
    const payloads = await allPayloads(`{ me { name ... @defer { bio secret } } }`);
    expect(payloads[0]).toEqual({ data: { me: { name: 'Name u1' } }, hasNext: true });
    expect(payloads[1]).toEqual({
      incremental: [{ data: { bio: 'Bio of u1', secret: null }, path: ['me'], errors: [expect.objectContaining({ path: ['me', 'secret'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] }],
      hasNext: false,
    });
  });

  it('shows a guarded field to a signed-in caller in the deferred payload', async () => {
    const token = await graph.auth.tokenFor('u7');
    const payloads = await allPayloads(`{ me { name ... @defer { secret } } }`, { token });
    expect(payloads[1]).toEqual({ incremental: [{ data: { secret: 'Secret of u7' }, path: ['me'] }], hasNext: false });
  });

  it('keeps aliases, and defers a named fragment spread', async () => {
    const payloads = await allPayloads(`{ self: me { who: name ...Extras @defer(label: "extras") } } fragment Extras on User { about: bio notes { text } }`);
    expect(payloads[0]).toEqual({ data: { self: { who: 'Name u1' } }, hasNext: true });
    expect(payloads[1]).toEqual({
      incremental: [{ data: { about: 'Bio of u1', notes: [{ text: 'Note 1 of u1' }, { text: 'Note 2 of u1' }] }, path: ['self'], label: 'extras' }],
      hasNext: false,
    });
  });

  it('defers root fields, delivered at the root path', async () => {
    const payloads = await allPayloads(`{ posts { title } ... @defer { me { name bio } } }`);
    expect(payloads[0]).toEqual({ data: { posts: [{ title: 'First' }, { title: 'Broken likes' }, { title: 'Third' }] }, hasNext: true });
    expect(payloads[1]).toEqual({ incremental: [{ data: { me: { name: 'Name u1', bio: 'Bio of u1' } }, path: [] }], hasNext: false });
  });

  it('follows @defer(if: $var) when the variable is true', async () => {
    const payloads = await allPayloads(`query ($d: Boolean!) { me { name ... @defer(if: $d) { bio } } }`, { variables: { d: true } });
    expect(payloads).toEqual([
      { data: { me: { name: 'Name u1' } }, hasNext: true },
      { incremental: [{ data: { bio: 'Bio of u1' }, path: ['me'] }], hasNext: false },
    ]);
  });

  it('sends sibling deferred fragments each in its own entry, and ends with hasNext false', async () => {
    const payloads = await allPayloads(`{ me { name ... @defer(label: "bio") { bio } ... @defer(label: "notes") { notes { text } } } }`);
    const entries = payloads.slice(1).flatMap((p) => (p as { incremental?: { label: string; data: unknown }[] }).incremental ?? []);
    expect(new Map(entries.map((e) => [e.label, e.data]))).toEqual(
      new Map<string, unknown>([
        ['bio', { bio: 'Bio of u1' }],
        ['notes', { notes: [{ text: 'Note 1 of u1' }, { text: 'Note 2 of u1' }] }],
      ]),
    );
    expect(payloads.slice(1, -1).every((p) => (p as { hasNext: boolean }).hasNext)).toBe(true);
    expect((payloads.at(-1) as { hasNext: boolean }).hasNext).toBe(false);
  });

  it('defers inside the members of a union, each entry where its type matches', async () => {
    const payloads = await allPayloads(`{ search { __typename ... on Post { title ... @defer(label: "post") { likes } } ... on User { name ... @defer(label: "user") { bio } } } }`);
    expect(payloads[0]).toEqual({
      data: { search: [{ __typename: 'Post', title: 'First' }, { __typename: 'User', name: 'Name u2' }, { __typename: 'Post', title: 'Third' }] },
      hasNext: true,
    });
    const entries = payloads.slice(1).flatMap((p) => (p as { incremental?: { label: string; path: unknown[]; data: unknown }[] }).incremental ?? []);
    expect(entries.filter((e) => e.label === 'post').map((e) => [e.path, e.data])).toEqual([
      [['search', 0], { likes: 20 }],
      [['search', 2], { likes: 20 }],
    ]);
    expect(entries.filter((e) => e.label === 'user').map((e) => [e.path, e.data])).toEqual([[['search', 1], { bio: 'Bio of u2' }]]);
  });

  it('defers part of a mutation result', async () => {
    const payloads = await allPayloads(`mutation { publish(title: "Fresh") { title ... @defer { likes author { bio } } } }`);
    expect(payloads).toEqual([
      { data: { publish: { title: 'Fresh' } }, hasNext: true },
      { incremental: [{ data: { likes: 40, author: { bio: 'Bio of u1' } }, path: ['publish'] }], hasNext: false },
    ]);
  });

  it('keeps @skip/@include and root __typename in the primary and deferred parts', async () => {
    const payloads = await allPayloads(
      `query ($s: Boolean!) { __typename root: __typename __type(name: "Note") { name } me { name @skip(if: $s) id ... @defer { __typename bio @include(if: $s) notes { text @skip(if: $s) } } } }`,
      { variables: { s: true } },
    );
    expect(payloads).toEqual([
      { data: { __typename: 'Query', root: 'Query', __type: { name: 'Note' }, me: { id: 'u1' } }, hasNext: true },
      { incremental: [{ data: { __typename: 'User', bio: 'Bio of u1', notes: [{}, {}] }, path: ['me'] }], hasNext: false },
    ]);
  });
});
