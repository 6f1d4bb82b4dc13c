import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { BY_CODE, DELETE, FIND, LIST_OF, SHORTEN, shorten, startLinks, UPDATE, userRep, type LinksApp } from './harness';

let app: LinksApp;
beforeAll(async () => {
  app = await startLinks({ env: { LINKS_MAX_PER_USER: '30', LINKS_BLOCKED_HOSTS: 'evil.example, phish.test' } });
});
afterAll(() => app.close());

const FUTURE = new Date(Date.now() + 86_400_000).toISOString();

describe('shortenLink', () => {
  it('makes a generated, unambiguous code, or takes an alias; the link reads back for its owner only', async () => {
    const alice = await app.auth.newUser();
    const created = await app.call(SHORTEN, { input: { url: 'https://example.com/a page?x=1#top', tags: ['Docs', 'docs', ' News '] } }, alice.token);
    expect(created.errors).toBeUndefined();
    const link = created.data!.shortenLink;
    expect(link.code).toMatch(/^[23456789abcdefghjkmnpqrstuvwxyz]{7}$/);
    expect(link).toMatchObject({
      shortUrl: `http://short.test/${link.code}`,
      qrCodeUrl: `http://short.test/${link.code}/qr`,
      targetUrl: 'https://example.com/a%20page?x=1#top',
      tags: ['docs', 'news'],
      redirectType: 'TEMPORARY',
      state: 'ACTIVE',
      visitCount: 0,
      passwordProtected: false,
      owner: { id: alice.publicId },
    });
    const aliased = await shorten(app, alice.token, { url: 'https://example.com/b', alias: 'My-Alias_1', redirectType: 'PERMANENT' });
    expect(aliased).toMatchObject({ code: 'My-Alias_1', shortUrl: 'http://short.test/My-Alias_1' });
    expect((await app.call(FIND, { id: link.id }, alice.token)).data!.link).toMatchObject({ code: link.code });
    expect((await app.call(BY_CODE, { code: 'my-alias_1' }, alice.token)).data!.linkByCode).toMatchObject({ code: 'My-Alias_1' });
    const bob = await app.auth.newUser();
    expect((await app.call(FIND, { id: link.id }, bob.token)).data).toEqual({ link: null });
    expect((await app.call(BY_CODE, { code: 'my-alias_1' }, bob.token)).data).toEqual({ linkByCode: null });
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await app.call(FIND, { id: link.id }, admin.token)).data!.link).not.toBeNull();
  });

  it.each([
    ['javascript:alert(1)', 'input.url', /http or https/],
    ['data:text/html,<script>alert(1)</script>', 'input.url', /http or https/],
    ['ftp://example.com/file', 'input.url', /http or https/],
    ['example.com', 'input.url', /absolute URL/],
    ['https://user:secret@example.com/', 'input.url', /user name or password/],
    ['http://short.test/abc', 'input.url', /this shortener itself/],
    ['https://login.evil.example/x', 'input.url', /blocked/],
    [`https://example.com/${'x'.repeat(2100)}`, 'input.url', /at most 2,048/],
  ])('refuses %s with BAD_USER_INPUT on %s, writing nothing', async (url, field, message) => {
    const user = await app.auth.newUser();
    const before = await app.rows();
    const result = await app.call(SHORTEN, { input: { url } }, user.token);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toMatch(message);
    expect(await app.rows()).toEqual(before);
  });

  it('refuses reserved and taken aliases (ignoring case), bad limits and past expiry, with the field', async () => {
    const user = await app.auth.newUser();
    await shorten(app, user.token, { url: 'https://example.com/', alias: 'taken-one' });
    const before = await app.rows();
    const refused = async (input: Record<string, unknown>) => {
      const result = await app.call(SHORTEN, { input: { url: 'https://example.com/', ...input } }, user.token);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      return { field: result.errors![0]!.extensions!.field, message: result.errors![0]!.message };
    };
    for (const alias of ['graphql', 'HEALTHZ', 'readyz', 'metrics', 'admin']) expect(await refused({ alias })).toMatchObject({ field: 'input.alias', message: expect.stringMatching(/reserved/) });
    expect(await refused({ alias: 'TAKEN-one' })).toMatchObject({ field: 'input.alias', message: expect.stringMatching(/already taken/) });
    expect((await refused({ alias: 'a b' })).field).toBe('input.alias');
    expect((await refused({ alias: 'ab' })).field).toBe('input.alias');
    expect((await refused({ maxVisits: 0 })).field).toBe('input.maxVisits');
    expect((await refused({ expiresAt: new Date(Date.now() - 1000).toISOString() })).field).toBe('input.expiresAt');
    expect((await refused({ password: 'abc' })).field).toBe('input.password');
    expect((await refused({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).field).toBe('input.tags');
    expect((await refused({ title: 'two\nlines' })).field).toBe('input.title');
    expect(await app.rows()).toEqual(before);
  });

  it('needs a signed-in user with links:write unless anonymous shortening is on', async () => {
    expect(errorCodes(await app.call(SHORTEN, { input: { url: 'https://example.com/' } }))).toEqual(['UNAUTHENTICATED']);
    const scopeless = await app.auth.newUser([]);
    expect(errorCodes(await app.call(SHORTEN, { input: { url: 'https://example.com/' } }, scopeless.token))).toEqual(['FORBIDDEN']);
    const open = await startLinks({ env: { LINKS_ANONYMOUS: 'true' } });
    try {
      const anonymous = await open.call(SHORTEN, { input: { url: 'https://example.com/anon' } });
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data!.shortenLink).toMatchObject({ owner: null, state: 'ACTIVE' });
      // Nobody but an admin can change an anonymous link afterwards.
      const someone = await open.auth.newUser();
      expect(errorCodes(await open.call(UPDATE, { id: anonymous.data!.shortenLink.id, input: { disabled: true } }, someone.token))).toEqual(['NOT_FOUND']);
    } finally {
      await open.close();
    }
  });

  it('enforces LINKS_MAX_PER_USER', async () => {
    const heavy = await startLinks({ env: { LINKS_MAX_PER_USER: '2' } });
    try {
      const user = await heavy.auth.newUser();
      await shorten(heavy, user.token, { url: 'https://example.com/1' });
      await shorten(heavy, user.token, { url: 'https://example.com/2' });
      expect(errorCodes(await heavy.call(SHORTEN, { input: { url: 'https://example.com/3' } }, user.token))).toEqual(['CONFLICT']);
    } finally {
      await heavy.close();
    }
  });
});

describe('updateLink and deleteLink', () => {
  it('change only the given fields, clear nullable ones with null, and are the owner’s (or an admin’s) alone', async () => {
    const owner = await app.auth.newUser();
    const link = await shorten(app, owner.token, { url: 'https://example.com/old', title: 'Old', maxVisits: 5, expiresAt: FUTURE, password: 'open sesame' });
    const updated = await app.call(UPDATE, { id: link.id, input: { url: 'https://example.com/new', title: null, maxVisits: null, expiresAt: null, password: null, redirectType: 'PERMANENT', tags: ['x'] } }, owner.token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateLink).toMatchObject({ code: link.code, targetUrl: 'https://example.com/new', title: null, maxVisits: null, expiresAt: null, passwordProtected: false, redirectType: 'PERMANENT', tags: ['x'] });
    const disabled = await app.call(UPDATE, { id: link.id, input: { disabled: true } }, owner.token);
    expect(disabled.data!.updateLink).toMatchObject({ disabled: true, state: 'DISABLED' });
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(UPDATE, { id: link.id, input: { disabled: false } }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(DELETE, { id: link.id }, stranger.token))).toEqual(['NOT_FOUND']);
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await app.call(UPDATE, { id: link.id, input: { disabled: false } }, admin.token)).data!.updateLink.state).toBe('ACTIVE');
    const deleted = await app.call(DELETE, { id: link.id }, owner.token);
    expect(deleted.data).toEqual({ deleteLink: { deletedId: link.id } });
    expect((await app.call(FIND, { id: link.id }, owner.token)).data).toEqual({ link: null });
    expect(errorCodes(await app.call(DELETE, { id: link.id }, owner.token))).toEqual(['NOT_FOUND']);
  });

  it('refuse bad input with the field and change nothing', async () => {
    const owner = await app.auth.newUser();
    const link = await shorten(app, owner.token, { url: 'https://example.com/keep' });
    for (const [input, field] of [
      [{ url: 'javascript:void(0)' }, 'input.url'],
      [{ url: null }, 'input.url'],
      [{ disabled: null }, 'input.disabled'],
      [{ maxVisits: -1 }, 'input.maxVisits'],
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'input.expiresAt'],
    ] as const) {
      const result = await app.call(UPDATE, { id: link.id, input }, owner.token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(errorCodes(await app.call(UPDATE, { id: encodeId('Todo', uuidv7()), input: {} }, owner.token))).toEqual(['BAD_USER_INPUT']);
    expect((await app.call(FIND, { id: link.id }, owner.token)).data!.link.targetUrl).toBe('https://example.com/keep');
  });
});

describe('User.links', () => {
  it('pages newest first, filters by tag, search and state, sorts by visits, for the user and admins only', async () => {
    const owner = await app.auth.newUser();
    const made = [];
    for (const [i, tags] of [['a'], ['b'], ['a', 'b'], []].entries()) made.push(await shorten(app, owner.token, { url: `https://example.com/p${i}`, tags, alias: `list-${owner.userId.slice(-8)}-${i}` }));
    await app.call(UPDATE, { id: made[1]!.id, input: { disabled: true } }, owner.token);
    const list = async (variables: Record<string, unknown>, token = owner.token) => {
      const result = await app.call(LIST_OF, { reps: [userRep(owner.publicId)], ...variables }, token);
      expect(result.errors).toBeUndefined();
      return result.data!._entities[0].links as { edges: { node: { code: string; state: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const codes = (page: Awaited<ReturnType<typeof list>>) => page.edges.map((edge) => edge.node.code.slice(-1));
    const first = await list({ first: 3 });
    expect(codes(first)).toEqual(['3', '2', '1']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(codes(await list({ first: 3, after: first.pageInfo.endCursor }))).toEqual(['0']);
    expect(codes(await list({ filter: { tag: 'A' } }))).toEqual(['2', '0']);
    expect(codes(await list({ filter: { search: 'example.com/P2' } }))).toEqual(['2']);
    expect(codes(await list({ filter: { state: 'DISABLED' } }))).toEqual(['1']);
    expect(codes(await list({ filter: { state: 'ACTIVE' }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }))).toEqual(['0', '2', '3']);
    const byVisits = await list({ first: 2, orderBy: { field: 'VISIT_COUNT', direction: 'DESC' } });
    expect(byVisits.edges).toHaveLength(2);
    // A cursor of another order is refused, not misread.
    const wrongCursor = await app.call(LIST_OF, { reps: [userRep(owner.publicId)], after: first.pageInfo.endCursor, orderBy: { field: 'VISIT_COUNT' } }, owner.token);
    expect(wrongCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(LIST_OF, { reps: [userRep(owner.publicId)] }, stranger.token))).toEqual(['FORBIDDEN']);
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await list({}, admin.token)).edges).toHaveLength(4);
  });

  it('lists (and their stats) for 2 users and for 10 users cost the same number of SQL statements', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const owners: { publicId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const owner = await app.auth.newUser();
      await shorten(app, owner.token, { url: `https://example.com/n${i}` });
      await shorten(app, owner.token, { url: `https://example.com/m${i}` });
      owners.push(owner);
    }
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { links(filter: { state: ACTIVE }) { edges { node { code stats { totalVisits byDay { visits } byHourOfDay { visits } browsers { value } } } } } } } }`;
    const statementsFor = async (n: number) => {
      app.counter.reset();
      const result = await app.call(query, { reps: owners.slice(0, n).map((owner) => userRep(owner.publicId)) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });
});
