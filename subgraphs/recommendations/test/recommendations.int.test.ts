import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { INTERACTIONS_OF, RECOMMENDATIONS_OF, RECORD, RETRAIN, startRecommendations, userRep } from './harness';

let app: Awaited<ReturnType<typeof startRecommendations>>;
beforeAll(async () => {
  app = await startRecommendations({ RECOMMENDATIONS_MAX_PER_MINUTE: '40', RECOMMENDATIONS_FACTORS: '8' });
});
afterAll(() => app.close());

type Suggestion = { item: { id: string }; score: number; reason: string; source: string };
const record = (token: string, itemId: string, kind = 'LIKE', rating?: number) => app.call(RECORD, { input: { itemId, kind, rating } }, token);
const recommendationsOf = async (token: string, publicId: string, kind = 'PRODUCT', first = 5) => {
  const result = await app.call(RECOMMENDATIONS_OF, { reps: [userRep(publicId)], kind, first }, token);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].recommendations as Suggestion[];
};

/** Two taste groups over a small catalog: coffee people and running people, ten of each. */
async function world() {
  const coffee = await Promise.all(['Beans', 'Grinder', 'Jug', 'Dripper', 'Scale'].map((t) => app.listItem('PRODUCT', `Coffee ${t}`, 'Coffee', ['coffee'])));
  const running = await Promise.all(['Shoes', 'Vest', 'Socks', 'Watch', 'Cap'].map((t) => app.listItem('PRODUCT', `Running ${t}`, 'Running', ['running'])));
  const people = [];
  for (let n = 0; n < 20; n++) {
    const person = await app.auth.newUser();
    const group = n % 2 === 0 ? coffee : running;
    for (const item of group.slice(0, 4)) expect((await record(person.token, item, n % 3 === 0 ? 'PURCHASE' : 'LIKE')).errors).toBeUndefined();
    people.push(person);
  }
  const admin = await app.auth.newUser(['user', 'admin']);
  const trained = await app.call(RETRAIN, {}, admin.token);
  expect(trained.errors).toBeUndefined();
  return { coffee, running, admin, model: trained.data!.retrainRecommendations as { version: number; users: number; items: number } };
}

let catalog: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  catalog = await world();
});

describe('recommendations', () => {
  it('trains in a worker on everything recorded and serves the new version', () => {
    expect(catalog.model).toMatchObject({ version: 1, users: 20, items: 8 });
  });

  it('recommends what people with the same taste chose, with reasons, never what the user already used', async () => {
    const newcomer = await app.auth.newUser();
    await record(newcomer.token, catalog.coffee[0]!);
    await record(newcomer.token, catalog.coffee[1]!);
    const suggestions = await recommendationsOf(newcomer.token, newcomer.publicId);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.item.id)).not.toContain(catalog.coffee[0]);
    expect(catalog.coffee).toContain(suggestions[0]!.item.id);
    expect(suggestions[0]!.reason).toMatch(/^Because you liked “Coffee |^Liked by people whose tastes match yours$/);
  });

  it('what a user does counts at once, without a retraining (folded in from their history)', async () => {
    const person = await app.auth.newUser();
    await record(person.token, catalog.running[0]!);
    const before = await recommendationsOf(person.token, person.publicId);
    expect(catalog.running).toContain(before[0]!.item.id);
    for (const item of catalog.coffee.slice(0, 3)) await record(person.token, item, 'PURCHASE');
    const after = await recommendationsOf(person.token, person.publicId);
    expect(catalog.coffee).toContain(after[0]!.item.id);
    expect((await app.call(`{ recommendationModel { version } }`, {}, catalog.admin.token)).data).toEqual({ recommendationModel: { version: 1 } });
  });

  it('a user with no history gets what is trending; a new item reaches users by its category', async () => {
    const nobody = await app.auth.newUser();
    const trending = await recommendationsOf(nobody.token, nobody.publicId);
    expect(trending.every((s) => s.source === 'POPULARITY' && s.reason === 'Trending now')).toBe(true);
    const fan = await app.auth.newUser();
    await record(fan.token, catalog.coffee[0]!);
    const fresh = await app.listItem('PRODUCT', 'Coffee Tamper', 'Coffee', ['coffee'], new Date(Date.now() + 1000));
    const suggestions = await recommendationsOf(fan.token, fan.publicId, 'PRODUCT', 6);
    expect(suggestions.find((s) => s.item.id === fresh)).toMatchObject({ source: 'CONTENT', reason: 'New in Coffee, which you like' });
  });

  it('Product.similar: items chosen together, for anyone', async () => {
    const result = await app.call(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { similar(first: 3) { item { ... on Product { id } } reason } } } }`, {
      reps: [{ __typename: 'Product', id: catalog.running[0] }],
    });
    const similar = result.data!._entities[0].similar as Suggestion[];
    expect(similar).toHaveLength(3);
    expect(similar.every((s) => catalog.running.includes(s.item.id) && s.reason === 'Often chosen together with “Running Shoes”')).toBe(true);
  });

  it('refuses unknown items, wrong ids, ratings out of range and other users — recording nothing', async () => {
    const before = await app.rowCount();
    const user = await app.auth.newUser();
    const unknown = await record(user.token, encodeId('Product', uuidv7()));
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.itemId' });
    expect(errorCodes(await record(user.token, encodeId('Note', uuidv7())))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record(user.token, catalog.coffee[0]!, 'RATING', 9))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record(user.token, catalog.coffee[0]!, 'LIKE', 5))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await record('', catalog.coffee[0]!))).toEqual(['UNAUTHENTICATED']);
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(RECOMMENDATIONS_OF, { reps: [userRep(user.publicId)], kind: 'PRODUCT' }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(RETRAIN, {}, user.token))).toEqual(['FORBIDDEN']);
    expect(await app.rowCount()).toBe(before);
  });

  it('a flood from one user is refused past the per-minute limit and never stored to learn from', async () => {
    const flooder = await app.auth.newUser();
    for (let n = 0; n < 40; n++) expect((await record(flooder.token, catalog.running[n % 5]!, 'VIEW')).errors).toBeUndefined();
    const before = await app.rowCount();
    const over = await record(flooder.token, catalog.running[0]!, 'VIEW');
    expect(errorCodes(over)).toEqual(['RATE_LIMITED']);
    expect(await app.rowCount()).toBe(before);
  });

  it('recommendations and interactions for 2 users and for 10 users cost the same number of SQL statements', async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => app.auth.newUser()));
    for (const user of users) await record(user.token, catalog.coffee[2]!);
    const statements = async (count: number) => {
      app.counter.reset();
      const reps = users.slice(0, count).map((u) => userRep(u.publicId));
      expect((await app.call(RECOMMENDATIONS_OF, { reps, kind: 'PRODUCT' }, catalog.admin.token)).errors).toBeUndefined();
      expect((await app.call(INTERACTIONS_OF, { reps }, catalog.admin.token)).errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statements(10)).toBe(await statements(2));
  });

  it('another replica serves the stored model without training', async () => {
    const replica = await app.serve();
    try {
      const admin = await app.auth.newUser(['user', 'admin']);
      const status = await (await fetch(replica.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ query: '{ recommendationModel { version } }' }) })).json();
      expect(status).toEqual({ data: { recommendationModel: { version: 1 } } });
    } finally {
      await replica.close();
    }
  });
});
