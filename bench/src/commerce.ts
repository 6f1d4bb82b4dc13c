import autocannon from 'autocannon';
import { grantRole } from '@mosaic/accounts';
import { drizzleOver } from '@mosaic/kit';
import { prepareTemplateDatabase } from '@mosaic/testing';
import { startTestGraph } from '@mosaic/platform/testing';
import { gql } from './client';
import { machine, saveResult } from './machine';

/**
 * Commerce through the gateway, on the PostgreSQL server, gateway and subgraphs in this process
 * (the statement counter needs them here; the load client shares the 2 cores):
 * 1. a product listing with nested data (variants, prices, category and its parent) — rps and SQL
 *    statements per operation for pages of 5 and of 40, beside a flat listing (names only) in the
 *    same run as the peer;
 * 2. the checkout race: 50 buyers, each with the item in their cart, place orders at once for a
 *    variant with 10 in stock — exactly 10 must succeed and the stock must end at 10 reserved.
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const DURATION = Number(process.env.DURATION ?? 15);
const NESTED = `query($first: Int) { products(first: $first) { edges { node { name slug category { name parent { name } } priceRange { min { amount currency } max { amount } } inStock variants { sku name price { amount } available options { name value } } } } } }`;
const FLAT = `query($first: Int) { products(first: $first) { edges { node { name slug } } } }`;

await prepareTemplateDatabase();
const statements: string[] = [];
const graph = await startTestGraph({ onQuery: (subgraph) => void statements.push(subgraph), security: { rateLimits: { perIp: 0, perUser: 0 } } });
try {
  const url = graph.gatewayUrl;
  await graph.signUp('bench-staff@bench.dev');
  await grantRole(drizzleOver(graph.client), 'bench-staff@bench.dev', 'staff');
  const staff = (await gql<{ login: { accessToken: string } }>(url, `mutation { login(input: { email: "bench-staff@bench.dev", password: "velvet-otter-lantern" }) { accessToken } }`)).login.accessToken;
  const root = (await gql<{ createCategory: { id: string } }>(url, `mutation { createCategory(input: { name: "Bench" }) { id } }`, {}, staff)).createCategory.id;
  const categories: string[] = [];
  for (let i = 0; i < 4; i++) categories.push((await gql<{ createCategory: { id: string } }>(url, `mutation($p: ID) { createCategory(input: { name: "Bench ${i}", parentId: $p }) { id } }`, { p: root }, staff)).createCategory.id);
  for (let i = 0; i < 40; i++) {
    const variants = ['S', 'M', 'L'].map((size, v) => ({ sku: `BENCH-${i}-${size}`, name: size, options: [{ name: 'size', value: size }], priceMinor: 1000 + i * 10 + v, stock: 50 }));
    await gql(url, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, { input: { name: `Bench product ${i}`, description: 'For the benchmark.', categoryId: categories[i % 4], variants } }, staff);
  }

  const countStatements = async (query: string, first: number) => {
    statements.length = 0;
    await gql(url, query, { first });
    return { total: statements.length, commerce: statements.filter((s) => s === 'commerce').length };
  };
  const statementsPerOperation = {
    nested5: await countStatements(NESTED, 5),
    nested40: await countStatements(NESTED, 40),
    flat40: await countStatements(FLAT, 40),
  };
  console.log(JSON.stringify({ statementsPerOperation }));

  const load = async (label: string, query: string, first: number) => {
    const request = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { first } }) };
    await autocannon({ ...request, connections: CONNECTIONS, duration: 3 });
    const result = await autocannon({ ...request, connections: CONNECTIONS, duration: DURATION });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const summary = { label, first, connections: CONNECTIONS, durationSeconds: DURATION, rps: Math.round(result.requests.average), latencyMs: { p50: result.latency.p50, p99: result.latency.p99 }, bytesPerResponse: Math.round(result.throughput.total / result.requests.total) };
    console.log(JSON.stringify(summary));
    return summary;
  };
  const listing = [await load('nested listing, 20 products × 3 variants', NESTED, 20), await load('flat listing, 20 products (peer)', FLAT, 20)];

  // The race: 50 buyers, one unit each, 10 in stock.
  const { createProduct } = await gql<{ createProduct: { variants: { id: string }[] } }>(url, `mutation($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }`, { input: { name: 'Last ten', variants: [{ sku: 'BENCH-LAST', name: 'One', priceMinor: 999, stock: 10 }] } }, staff);
  const variantId = createProduct.variants[0]!.id;
  const buyers: string[] = [];
  for (let i = 0; i < 50; i++) {
    const { token } = await graph.signUp(`bench-buyer-${i}@bench.dev`);
    await gql(url, `mutation($input: CartLineInput!) { addToCart(input: $input) { cart { itemCount } } }`, { input: { variantId, quantity: 1 } }, token);
    buyers.push(token);
  }
  const place = `mutation($input: CheckoutInput!) { placeOrder(input: $input) { order { id } } }`;
  const input = { shippingAddress: { name: 'Bench', line1: 'Street 1', postalCode: '10115', city: 'Berlin', country: 'DE' }, shippingMethod: 'standard' };
  const started = performance.now();
  const outcomes = await Promise.all(
    buyers.map(async (token) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: place, variables: { input } }) });
      const body = (await response.json()) as { data?: { placeOrder: { order: { id: string } } | null }; errors?: { extensions?: { code?: string } }[] };
      return body.errors?.[0]?.extensions?.code ?? (body.data?.placeOrder ? 'PLACED' : 'UNKNOWN');
    }),
  );
  const elapsedMs = Math.round(performance.now() - started);
  const counts = outcomes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
  const stock = await gql<{ products: { edges: { node: { variants: { sku: string; available: number; inventory: { onHand: number; reserved: number } } [] } }[] } }>(
    url,
    `{ products(search: "Last ten") { edges { node { variants { sku available inventory { onHand reserved } } } } } }`,
    {},
    staff,
  );
  const variant = stock.products.edges.flatMap((e) => e.node.variants).find((v) => v.sku === 'BENCH-LAST')!;
  const race = { buyers: 50, inStock: 10, outcomes: counts, elapsedMs, ordersPerSecond: Math.round(((counts.PLACED ?? 0) * 1000) / elapsedMs), checkoutsPerSecond: Math.round((50 * 1000) / elapsedMs), stockAfter: variant.inventory, exactlyTen: counts.PLACED === 10 && variant.inventory.reserved === 10 && variant.available === 0 };
  console.log(JSON.stringify(race));
  if (!race.exactlyTen) throw new Error('The race oversold or undersold: see the outcome above.');
  console.log(`saved ${saveResult('commerce', { setup: { machine: machine(), mode: 'gateway + subgraphs in one process (startTestGraph), PostgreSQL 15 server' }, statementsPerOperation, listing, race })}`);
} finally {
  await graph.close();
}
