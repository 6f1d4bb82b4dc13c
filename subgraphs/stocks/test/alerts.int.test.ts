import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createMemoryPubSub, decodeId, uuidv7 } from '@mosaic/kit';
import { collect, errorCodes, testLogger, wsClient } from '@mosaic/testing';
import { AlertEngine } from '../src/domain/alerts/alert-engine';
import { armedAlertOf } from '../src/domain/alerts/alert-rules';
import { fireAndAnnounce } from '../src/domain/alerts/fire-alert';
import { priceAlerts, priceAlertTriggers } from '../src/data/tables';
import { entitiesOf, startStocks, type StocksApp } from './harness';
import { trade } from './trades';
import { observedPubSub } from './observed-pubsub';
import { waitFor, wsUrl } from './wait';

let app: StocksApp;
// Alerts only count trades from after they were armed: the clock runs from an hour before the test's trades.
const offset = Date.parse('2026-03-02T14:00:00Z') - Date.now();
const pubsub = observedPubSub(createMemoryPubSub());
beforeAll(async () => {
  app = await startStocks({ now: () => new Date(Date.now() + offset), pubsub });
});
afterAll(() => app.close());

const ALERT = 'id condition price percent windowMinutes status armedAt triggeredAt instrument { symbol }';
const CREATE = `mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { ${ALERT} } }`;
const TRIGGERS = entitiesOf(`priceAlertTriggers(first: 10) { edges { node { id price referencePrice movePercent threshold percent windowMinutes condition triggeredAt instrument { symbol } alert { id status } } } pageInfo { hasNextPage endCursor } }`);
const alertRows = async () => (await app.database.db().select({ n: count() }).from(priceAlerts))[0]!.n;
const triggerRowsOf = async (alertId: string) => app.database.db().select().from(priceAlertTriggers).where(eq(priceAlertTriggers.alertId, decodeId('PriceAlert', alertId)));
const engine = () => app.built.market.alerts!;

async function member() {
  const user = await app.auth.newUser();
  const call = (query: string, variables: Record<string, unknown> = {}) => app.call(query, variables, user.token);
  return {
    ...user,
    call,
    async create(input: Record<string, unknown>) {
      const armedBefore = engine().armedCount();
      const result = await call(CREATE, { input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      // The engine learns of the new alert through pub/sub, as it would on another replica.
      await waitFor(() => engine().armedCount() > armedBefore, 5_000, 'the engine to load the alert');
      return result.data!.createPriceAlert;
    },
    async triggers() {
      const result = await call(TRIGGERS, { id: user.publicId });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!._entities[0].priceAlertTriggers.edges.map((edge: { node: unknown }) => edge.node);
    },
  };
}

describe('creating alerts', () => {
  it('creates ABOVE, BELOW and PERCENT_MOVE alerts, armed, listed in User.priceAlerts', async () => {
    const ada = await member();
    const above = await ada.create({ symbol: 'acme', condition: 'ABOVE', price: 12_000 });
    expect(above).toMatchObject({ condition: 'ABOVE', price: 12_000, percent: null, windowMinutes: null, status: 'ARMED', triggeredAt: null, instrument: { symbol: 'ACME' } });
    const move = await ada.create({ symbol: 'GLOBX', condition: 'PERCENT_MOVE', percent: 2.5, windowMinutes: 15 });
    expect(move).toMatchObject({ price: null, percent: 2.5, windowMinutes: 15 });
    const listed = await ada.call(entitiesOf('priceAlerts { id condition }'), { id: ada.publicId });
    expect(listed.data!._entities[0].priceAlerts.map((a: { id: string }) => a.id)).toEqual([above.id, move.id]);
  });

  it.each([
    ['a price for PERCENT_MOVE', { symbol: 'ACME', condition: 'PERCENT_MOVE', percent: 3, windowMinutes: 15, price: 100 }, 'input.price'],
    ['no percent for PERCENT_MOVE', { symbol: 'ACME', condition: 'PERCENT_MOVE', windowMinutes: 15 }, 'input.percent'],
    ['a window of 0 minutes', { symbol: 'ACME', condition: 'PERCENT_MOVE', percent: 3, windowMinutes: 0 }, 'input.windowMinutes'],
    ['a window over a day', { symbol: 'ACME', condition: 'PERCENT_MOVE', percent: 3, windowMinutes: 1_441 }, 'input.windowMinutes'],
    ['a percent with three decimals', { symbol: 'ACME', condition: 'PERCENT_MOVE', percent: 1.234, windowMinutes: 5 }, 'input.percent'],
    ['no price for ABOVE', { symbol: 'ACME', condition: 'ABOVE' }, 'input.price'],
    ['a zero price', { symbol: 'ACME', condition: 'BELOW', price: 0 }, 'input.price'],
    ['a percent for ABOVE', { symbol: 'ACME', condition: 'ABOVE', price: 100, percent: 3 }, 'input.percent'],
    ['an unknown symbol', { symbol: 'NOPE', condition: 'ABOVE', price: 100 }, 'input.symbol'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const ada = await app.auth.newUser();
    const before = await alertRows();
    const result = await app.call(CREATE, { input }, ada.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await alertRows()).toBe(before);
  });

  it('needs a signed-in user, and hides other users’ alerts', async () => {
    expect(errorCodes(await app.call(CREATE, { input: { symbol: 'ACME', condition: 'ABOVE', price: 1 } }))).toEqual(['UNAUTHENTICATED']);
    const ada = await member();
    const bob = await member();
    const alert = await ada.create({ symbol: 'ACME', condition: 'ABOVE', price: 99_999 });
    expect(errorCodes(await bob.call(`mutation($id: ID!) { deletePriceAlert(id: $id) }`, { id: alert.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await bob.call(`mutation($id: ID!) { rearmPriceAlert(id: $id) { id } }`, { id: alert.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await bob.call(entitiesOf('priceAlerts { id }'), { id: ada.publicId }))).toEqual(['FORBIDDEN']);
  });
});

describe('firing', () => {
  it('fires once on the live stream, records the firing, and arrives on priceAlertTriggered over graphql-ws', async () => {
    const ada = await member();
    const client = wsClient(wsUrl(app.url), ada.token);
    const stream = collect(client, `subscription { priceAlertTriggered { id price threshold condition triggeredAt alert { id status triggeredAt } instrument { symbol name } } }`);
    // Someone else's alert on the same symbol must not reach ada.
    const bob = await member();
    await bob.create({ symbol: 'UMBRL', condition: 'ABOVE', price: 100 });
    const alert = await ada.create({ symbol: 'UMBRL', condition: 'ABOVE', price: 31_500 });
    await waitFor(() => pubsub.listening(`stocks:alert-triggered:${ada.userId}`), 5_000, 'the subscription');

    await app.trade([trade('UMBRL', 31_400, '2026-03-02T15:00:00Z'), trade('UMBRL', 31_600, '2026-03-02T15:00:01Z'), trade('UMBRL', 31_700, '2026-03-02T15:00:02Z')]);
    await app.trade([trade('UMBRL', 32_000, '2026-03-02T15:00:03Z')]);

    const [event] = await stream.waitFor(1);
    expect(event!.errors).toBeUndefined();
    expect(event!.data!.priceAlertTriggered).toMatchObject({
      price: 31_600,
      threshold: 31_500,
      condition: 'ABOVE',
      triggeredAt: '2026-03-02T15:00:01.000Z',
      alert: { id: alert.id, status: 'TRIGGERED', triggeredAt: '2026-03-02T15:00:01.000Z' },
      instrument: { symbol: 'UMBRL', name: 'Umbrella Corporation' },
    });
    expect(await triggerRowsOf(alert.id)).toHaveLength(1);
    const history = await ada.triggers();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: event!.data!.priceAlertTriggered.id, price: 31_600, alert: { id: alert.id, status: 'TRIGGERED' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.results).toHaveLength(1);
    stream.stop();
    await client.dispose();
  });

  it('PERCENT_MOVE fires on a 3% move within the window and reports the move', async () => {
    const ada = await member();
    await ada.create({ symbol: 'WAYNE', condition: 'PERCENT_MOVE', percent: 3, windowMinutes: 15 });
    const base = Date.parse('2026-03-02T15:00:00Z');
    const prices = [10_000, 9_900, 9_950, 10_100, 10_197, 10_300];
    await app.trade(prices.map((price, i) => ({ symbol: 'WAYNE', price, volume: 10, at: base + i * 60_000 })));
    const [fired] = await ada.triggers();
    expect(fired).toMatchObject({ price: 10_197, referencePrice: 9_900, movePercent: 3, percent: 3, windowMinutes: 15, condition: 'PERCENT_MOVE' });
  });

  it('re-arming lets an alert fire once more; the history keeps both firings, and survives deleting the alert', async () => {
    const ada = await member();
    const alert = await ada.create({ symbol: 'STARK', condition: 'BELOW', price: 40_000 });
    await app.trade([trade('STARK', 39_000, '2026-03-02T15:00:00Z')]);
    await waitFor(async () => (await ada.triggers()).length === 1);
    const rearmed = await ada.call(`mutation($id: ID!) { rearmPriceAlert(id: $id) { status triggeredAt armedAt } }`, { id: alert.id });
    expect(rearmed.data!.rearmPriceAlert).toMatchObject({ status: 'ARMED', triggeredAt: null });
    await waitFor(() => engine().armedCount() > 0 && (engine() as any).bySymbol.has('STARK'), 5_000, 'the engine to reload STARK');
    await app.trade([trade('STARK', 38_000, '2026-03-02T15:01:00Z')]);
    const history = await ada.triggers();
    expect(history.map((t: { price: number }) => t.price)).toEqual([38_000, 39_000]);
    expect((await triggerRowsOf(alert.id)).map((row) => row.generation).sort()).toEqual([1, 2]);

    expect((await ada.call(`mutation($id: ID!) { deletePriceAlert(id: $id) }`, { id: alert.id })).data!.deletePriceAlert).toBe(alert.id);
    const kept = await ada.triggers();
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatchObject({ alert: null, threshold: 40_000, condition: 'BELOW', instrument: { symbol: 'STARK' } });
  });

  it('fires exactly once when evaluations race (ten concurrent fires, and two engines on the same trades)', async () => {
    const ada = await member();
    const alert = await ada.create({ symbol: 'CYBDN', condition: 'ABOVE', price: 20_000 });
    const [row] = await app.database.db().select().from(priceAlerts).where(eq(priceAlerts.id, decodeId('PriceAlert', alert.id)));
    const firing = { alert: armedAlertOf(row!), price: 20_100, at: Date.parse('2026-03-02T15:00:00Z'), referencePrice: null };
    const pubsub = createMemoryPubSub();
    const deps = { db: app.database.db(), pubsub, log: testLogger, now: () => new Date() };
    const results = await Promise.all(Array.from({ length: 10 }, () => fireAndAnnounce({ ...deps, triggerId: uuidv7() }, firing)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await triggerRowsOf(alert.id)).toHaveLength(1);

    // Two replicas' engines (a second one besides the app's) see the same trade after a re-arm.
    await ada.call(`mutation($id: ID!) { rearmPriceAlert(id: $id) { id } }`, { id: alert.id });
    const second = new AlertEngine(deps);
    await second.start();
    await waitFor(() => (engine() as any).bySymbol.get('CYBDN')?.[0]?.generation === 2, 5_000, 'the re-armed alert to load');
    const firedBefore = engine().fired;
    const trades = [trade('CYBDN', 20_500, '2026-03-02T15:05:00Z')];
    second.onTrades(trades);
    await app.trade(trades);
    await second.idle();
    expect(engine().fired - firedBefore + second.fired).toBe(1);
    expect(await triggerRowsOf(alert.id)).toHaveLength(2); // generation 1 and 2, once each
    await second.stop();
  });

  it('does not fire on historical (replayed) trades', async () => {
    const ada = await member();
    await ada.create({ symbol: 'HOOLI', condition: 'ABOVE', price: 1 });
    (app.feed as any).push([trade('HOOLI', 90_000, '2026-03-02T15:00:00Z')], true);
    await engine().idle();
    expect(await ada.triggers()).toEqual([]);
  });
});
