import { createMemoryPubSub, type PubSub } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import commerceSubgraph from '../src/index';

/** The commerce subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startCommerce(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  // Counts live subscriptions, so a test publishes only once a stream listens (no sleeps).
  const inner = createMemoryPubSub();
  let listening = 0;
  const pubsub: PubSub = {
    publish: (topic, payload) => inner.publish(topic, payload),
    async subscribe(topic, listener) {
      const unsubscribe = await inner.subscribe(topic, listener);
      listening++;
      return async () => {
        listening--;
        await unsubscribe();
      };
    },
    close: () => inner.close(),
  };
  const served = await serveModuleForTest(commerceSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, pubsub }, env);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  /** Like `call`, but fails the test on any GraphQL error. */
  const ok = async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const result = await call(query, variables, token);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };
  const staff = await auth.newUser(['user', 'staff']);
  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();
  /** A product with one variant per price given, `stock` units each. */
  const product = async (options: { name?: string; description?: string; prices?: number[]; stock?: number; categoryId?: string; status?: string; lowStockThreshold?: number } = {}) => {
    const tag = unique();
    const data = await ok<{ createProduct: { id: string; variants: { id: string; sku: string; available: number }[] } }>(CREATE_PRODUCT, {
      input: {
        name: options.name ?? `Product ${tag}`,
        description: options.description ?? 'A thing to buy.',
        categoryId: options.categoryId,
        status: options.status,
        images: ['https://img.example.com/a.jpg'],
        variants: (options.prices ?? [1000]).map((priceMinor, i) => ({ sku: `SKU-${tag}-${i}`, name: `V${i}`, priceMinor, stock: options.stock ?? 10, lowStockThreshold: options.lowStockThreshold, options: [{ name: 'size', value: `S${i}` }] })),
      },
    }, staff.token);
    return data.createProduct;
  };
  return {
    auth,
    counter,
    call,
    ok,
    staff,
    product,
    unique,
    served,
    database,
    listening: () => listening,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export type Commerce = Awaited<ReturnType<typeof startCommerce>>;

export const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id name slug status variants { id sku price { amount currency } available } } }`;
export const ADD = `mutation($input: CartLineInput!) { addToCart(input: $input) { cartToken cart { id itemCount subtotal { amount currency } lines { quantity variant { id sku } unitPrice { amount } lineTotal { amount } } } } }`;
export const SET = `mutation($input: CartLineInput!) { setCartLineQuantity(input: $input) { cartToken cart { itemCount lines { quantity } } } }`;
export const CART = `query($token: String) { cart(cartToken: $token) { id itemCount subtotal { amount } lines { quantity variant { sku } } } }`;
export const ADDRESS = { name: 'Ada Lovelace', line1: 'Unter den Linden 1', postalCode: '10117', city: 'Berlin', country: 'DE' };
export const PLACE = `mutation($input: CheckoutInput!) { placeOrder(input: $input) { order { id status total { amount currency } subtotal { amount } discount { amount } shipping { amount } tax { amount } promotionCode } payment { provider reference clientSecret approvalUrl } } }`;
export const QUOTE = `query($input: CheckoutInput!) { checkoutQuote(input: $input) { subtotal { amount } discount { amount } shipping { amount } tax { amount } taxLabel total { amount } } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { id status total { amount } refunded { amount } buyer { id } lines { sku quantity unitPrice { amount } } history { from to actorKind actor { id } amount { amount } note } } }`;

/** A signed-in buyer who puts `quantity` of a variant in their cart and places the order. */
export async function buy(app: Commerce, token: string, variantId: string, quantity = 1, extra: Record<string, unknown> = {}) {
  await app.ok(ADD, { input: { variantId, quantity } }, token);
  return app.call(PLACE, { input: { shippingAddress: ADDRESS, shippingMethod: 'standard', ...extra } }, token);
}
