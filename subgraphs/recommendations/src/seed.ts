import { randomUUID } from 'node:crypto';
import { encodeId, type SeedContext } from '@mosaic/kit';
import { insertInteractions } from './data/interactions-repo';
import type { InteractionRow, ItemKind } from './data/tables';
import type { InteractionKind } from './model/behaviour';
import { seededRandom } from './model/random';
import { registerItem, TYPE_OF_KIND } from './domain/items';

const CATALOG: { kind: ItemKind; title: string; category: string; tags: string[] }[] = [
  { kind: 'PRODUCT', title: 'Espresso beans, 1 kg', category: 'Coffee', tags: ['espresso', 'beans'] },
  { kind: 'PRODUCT', title: 'Hand grinder', category: 'Coffee', tags: ['grinder', 'espresso'] },
  { kind: 'PRODUCT', title: 'Milk frothing jug', category: 'Coffee', tags: ['milk', 'espresso'] },
  { kind: 'PRODUCT', title: 'Pour-over dripper', category: 'Coffee', tags: ['filter'] },
  { kind: 'PRODUCT', title: 'Trail running shoes', category: 'Outdoor', tags: ['running', 'trail'] },
  { kind: 'PRODUCT', title: 'Hydration vest', category: 'Outdoor', tags: ['running', 'trail'] },
  { kind: 'PRODUCT', title: 'Headlamp', category: 'Outdoor', tags: ['camping', 'night'] },
  { kind: 'PRODUCT', title: 'Two-person tent', category: 'Outdoor', tags: ['camping'] },
  { kind: 'PRODUCT', title: 'Mechanical keyboard', category: 'Desk', tags: ['keyboard'] },
  { kind: 'PRODUCT', title: 'Monitor arm', category: 'Desk', tags: ['ergonomics'] },
  { kind: 'PRODUCT', title: 'Desk lamp', category: 'Desk', tags: ['lighting', 'ergonomics'] },
  { kind: 'PRODUCT', title: 'Noise-cancelling headphones', category: 'Desk', tags: ['audio'] },
  { kind: 'POST', title: 'Dialling in espresso at home', category: 'Coffee', tags: ['espresso', 'guide'] },
  { kind: 'POST', title: 'Why your grinder matters', category: 'Coffee', tags: ['grinder'] },
  { kind: 'POST', title: 'Latte art for beginners', category: 'Coffee', tags: ['milk', 'guide'] },
  { kind: 'POST', title: 'Your first trail ultra', category: 'Outdoor', tags: ['running', 'trail'] },
  { kind: 'POST', title: 'Camping light, camping right', category: 'Outdoor', tags: ['camping'] },
  { kind: 'POST', title: 'An ergonomic desk in five steps', category: 'Desk', tags: ['ergonomics', 'guide'] },
  { kind: 'POST', title: 'Choosing a mechanical keyboard', category: 'Desk', tags: ['keyboard'] },
];

const KINDS: InteractionKind[] = ['VIEW', 'VIEW', 'VIEW', 'READ', 'LIKE', 'CART_ADD', 'PURCHASE'];
const RECORD = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`;

/**
 * Demo data for `pnpm start`: a small catalog of products and posts, sixty shoppers whose tastes
 * each lean to one category (so the model has structure to find), the demo user's liking for
 * coffee, and a first trained model.
 */
export async function seedRecommendations(seed: SeedContext): Promise<void> {
  const now = Date.now();
  const items = CATALOG.map((item) => ({ ...item, id: randomUUID() }));
  for (const item of items) await registerItem(seed.db, { ...item, listedAt: new Date(now - 60 * 86_400_000) });
  const random = seededRandom(2026);
  const categories = [...new Set(CATALOG.map((item) => item.category))];
  const behaviour: InteractionRow[] = [];
  for (let shopper = 0; shopper < 60; shopper++) {
    const userId = randomUUID();
    const taste = categories[shopper % categories.length]!;
    for (let n = 0; n < 12; n++) {
      const pool = random() < 0.85 ? items.filter((item) => item.category === taste) : items;
      const item = pool[Math.floor(random() * pool.length)]!;
      const occurredAt = new Date(now - Math.floor(random() * 30 * 86_400_000));
      behaviour.push({ id: randomUUID(), userId, itemKind: item.kind, itemId: item.id, kind: KINDS[Math.floor(random() * KINDS.length)]!, rating: null, source: 'seed', occurredAt });
    }
  }
  await insertInteractions(seed.db, behaviour);
  const liked = items.filter((item) => item.category === 'Coffee').slice(0, 2);
  for (const item of liked) await seed.graphql(RECORD, { input: { itemId: encodeId(TYPE_OF_KIND[item.kind], item.id), kind: 'LIKE' } }, 'user');
  await seed.graphql(`mutation { retrainRecommendations { version } }`, {}, 'admin');
}
