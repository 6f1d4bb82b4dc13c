import type { SeedContext } from '@mosaic/kit';

const CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`;
const PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id variants { id sku } } }`;
const PROMOTION = `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { id } }`;
const ADD = `mutation($input: CartLineInput!) { addToCart(input: $input) { cart { itemCount } } }`;
const PLACE = `mutation($input: CheckoutInput!) { placeOrder(input: $input) { order { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmPayment(orderId: $id) { status } }`;

interface Seeded {
  createProduct: { id: string; variants: { id: string; sku: string }[] };
}

const img = (name: string) => [`https://picsum.photos/seed/mosaic-${name}/800/800`];
const sizes = (sku: string, price: number, stock: number[]) =>
  ['S', 'M', 'L'].map((size, i) => ({ sku: `${sku}-${size}`, name: size, options: [{ name: 'size', value: size }], priceMinor: price, stock: stock[i] ?? 0 }));

/**
 * Demo data for `pnpm start`, through commerce's own API: the demo admin builds a small catalog
 * (a category tree, ten products with variants and stock, the promotion WELCOME10), and the demo
 * user buys two things and pays with the offline provider — so `me { orders }` shows a paid order.
 */
export async function seedCommerce(seed: SeedContext): Promise<void> {
  const category = async (name: string, parentId?: string) => (await seed.graphql<{ createCategory: { id: string } }>(CATEGORY, { input: { name, parentId } }, 'admin')).createCategory.id;
  const clothing = await category('Clothing');
  const shirts = await category('Shirts', clothing);
  const knitwear = await category('Knitwear', clothing);
  const home = await category('Home');
  const kitchen = await category('Kitchen', home);
  const books = await category('Books');
  const products = [
    { name: 'Linen Shirt', description: 'A light, breathable linen shirt for warm days.', categoryId: shirts, images: img('linen'), variants: sizes('LINEN', 4900, [8, 12, 4]) },
    { name: 'Oxford Shirt', description: 'Classic cotton Oxford cloth, button-down collar.', categoryId: shirts, images: img('oxford'), variants: sizes('OXFORD', 5900, [5, 5, 5]) },
    { name: 'Merino Sweater', description: 'Fine merino wool, warm without weight.', categoryId: knitwear, images: img('merino'), variants: sizes('MERINO', 8900, [3, 6, 0]) },
    { name: 'Cable Knit Cardigan', description: 'Chunky cable knit in undyed wool.', categoryId: knitwear, images: img('cardigan'), variants: sizes('CABLE', 11900, [2, 2, 1]) },
    {
      name: 'Cast Iron Skillet',
      description: 'Pre-seasoned cast iron skillet that lasts a lifetime.',
      categoryId: kitchen,
      images: img('skillet'),
      variants: [
        { sku: 'SKILLET-20', name: '20 cm', options: [{ name: 'diameter', value: '20 cm' }], priceMinor: 3900, stock: 10 },
        { sku: 'SKILLET-26', name: '26 cm', options: [{ name: 'diameter', value: '26 cm' }], priceMinor: 4900, stock: 7 },
      ],
    },
    { name: "Chef's Knife", description: 'A 20 cm carbon steel chef knife, hand sharpened.', categoryId: kitchen, images: img('knife'), variants: [{ sku: 'KNIFE-20', name: '20 cm', priceMinor: 8900, stock: 6 }] },
    {
      name: 'Stoneware Mug',
      description: 'Hand-glazed stoneware mug, 350 ml.',
      categoryId: kitchen,
      images: img('mug'),
      variants: ['Sand', 'Slate', 'Moss'].map((colour) => ({ sku: `MUG-${colour.toUpperCase()}`, name: colour, options: [{ name: 'colour', value: colour }], priceMinor: 1800, stock: 20 })),
    },
    {
      name: 'Learning GraphQL',
      description: 'Declarative data fetching for modern web apps.',
      categoryId: books,
      images: img('graphql-book'),
      variants: [
        { sku: 'BOOK-GQL-PAPER', name: 'Paperback', options: [{ name: 'format', value: 'Paperback' }], priceMinor: 3499, stock: 15 },
        { sku: 'BOOK-GQL-EBOOK', name: 'E-book', options: [{ name: 'format', value: 'E-book' }], priceMinor: 2499, stock: 1000 },
      ],
    },
    { name: 'Designing Data-Intensive Applications', description: 'The big ideas behind reliable, scalable systems.', categoryId: books, images: img('ddia'), variants: [{ sku: 'BOOK-DDIA', name: 'Paperback', priceMinor: 4599, stock: 9 }] },
    { name: 'Federated Graphs Field Guide', description: 'A limited print run about composing GraphQL subgraphs.', categoryId: books, images: img('field-guide'), variants: [{ sku: 'BOOK-FIELD', name: 'Hardcover', priceMinor: 2999, stock: 2 }] },
  ];
  const created: Seeded['createProduct'][] = [];
  for (const input of products) created.push((await seed.graphql<Seeded>(PRODUCT, { input }, 'admin')).createProduct);
  await seed.graphql(PROMOTION, { input: { code: 'WELCOME10', kind: 'PERCENTAGE', value: 1000, minSubtotalMinor: 3000, usageLimit: 1000 } }, 'admin');
  const linen = created[0]!.variants.find((v) => v.sku === 'LINEN-M')!;
  const mug = created[6]!.variants[0]!;
  await seed.graphql(ADD, { input: { variantId: linen.id, quantity: 1 } }, 'user');
  await seed.graphql(ADD, { input: { variantId: mug.id, quantity: 2 } }, 'user');
  const address = { name: 'Demo User', line1: 'Alexanderplatz 1', postalCode: '10178', city: 'Berlin', country: 'DE' };
  const { placeOrder } = await seed.graphql<{ placeOrder: { order: { id: string } } }>(PLACE, { input: { shippingAddress: address, shippingMethod: 'standard', promotionCode: 'WELCOME10' } }, 'user');
  await seed.graphql(CONFIRM, { id: placeOrder.order.id }, 'user');
}
