import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseDifference } from '../compare-responses';
import { SCENARIOS } from '../scenarios';
import { sendTestQuery } from '../send-query';
import { totalOf } from '../subgraphs/counters';
import { startGateway, startSubgraphs, type GatewayKind, type Subgraphs } from '../topology';

/**
 * The gateways benchmark's correctness gate, quickly: the benchmark's subgraph process and the four
 * gateways (each its own process), one query each, the same JSON as stock Apollo's.
 */
const KINDS: GatewayKind[] = ['stock', 'hive', 'hiveRouter', 'mosaic'];

describe('gateways benchmark harness', () => {
  let subgraphs: Subgraphs;
  beforeAll(async () => {
    subgraphs = await startSubgraphs();
  });
  afterAll(async () => {
    await subgraphs?.stop();
  });

  it('stock Apollo, Hive Gateway (JS and router runtime) and Mosaic answer the benchmark query with the same JSON', async () => {
    const gateways = await Promise.all(KINDS.map((kind) => startGateway(kind, subgraphs)));
    try {
      const [stock, ...others] = await Promise.all(gateways.map((g) => sendTestQuery(g.info.url)));
      const body = JSON.parse(stock!.text);
      expect(stock!.status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.users).toHaveLength(6);
      expect(body.data.topProducts).toHaveLength(5);
      expect(body.data.topProducts[1]).toMatchObject({ name: 'Couch', inStock: false, price: 1299, shippingEstimate: 0 });
      others.forEach((response, i) => expect(responseDifference(stock!, response), KINDS[i + 1]).toBeNull());
      // The distinct-variables scenario: the same answer as stock's for the same variables.
      const [stockDistinct, ...othersDistinct] = await Promise.all(gateways.map((g) => sendTestQuery(g.info.url, SCENARIOS.distinct, 7)));
      expect(responseDifference(stock!, stockDistinct!)).toBeNull();
      othersDistinct.forEach((response, i) => expect(responseDifference(stockDistinct!, response), KINDS[i + 1]).toBeNull());
    } finally {
      await Promise.all(gateways.map((g) => g.stop()));
    }
    // Four gateway processes start at once: on the shared 2-core machine that alone took ~40 s.
  }, 180_000);

  it("counts stock Apollo's subgraph traffic for the query (its planner's 16 fetches)", async () => {
    const stock = await startGateway('stock', subgraphs);
    try {
      await subgraphs.reset();
      await sendTestQuery(stock.info.url);
      const total = totalOf(await subgraphs.counters());
      expect(total).toEqual({ requests: 16, entityFetches: 14, representations: 465 });
    } finally {
      await stock.stop();
    }
  });
});
