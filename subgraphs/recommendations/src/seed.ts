import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { encodeId, type SeedContext } from '@mosaic/kit';
import { insertInteractions } from './data/interactions-repo';
import { items, type InteractionRow, type ItemRow } from './data/tables';
import { TYPE_OF_KIND } from './domain/items';
import type { InteractionKind } from './model/behaviour';
import { seededRandom } from './model/random';

const KINDS: InteractionKind[] = ['VIEW', 'VIEW', 'VIEW', 'READ', 'LIKE', 'CART_ADD', 'PURCHASE'];
const RECORD = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id } }`;
const WAIT_MS = 15_000;

/** The shop's and the blog's demo items reach recommendations through their events, shortly after their seeds. */
async function catalogOf(seed: SeedContext): Promise<ItemRow[]> {
  const deadline = Date.now() + WAIT_MS;
  const known = async (kind: ItemRow['kind']) => (await seed.db.select({ n: count() }).from(items).where(eq(items.kind, kind)))[0]!.n;
  while (Date.now() < deadline && ((await known('PRODUCT')) === 0 || (await known('POST')) === 0)) await new Promise((resolve) => setTimeout(resolve, 200));
  return seed.db.select().from(items);
}

/**
 * Demo data for `pnpm start`, after commerce and blog seeded (registry order): sixty shoppers
 * whose tastes each lean to one category of the real demo catalog (so the model has structure to
 * find), the demo user's liking for one category, and a first trained model.
 */
export async function seedRecommendations(seed: SeedContext): Promise<void> {
  const catalog = await catalogOf(seed);
  if (catalog.length === 0) {
    seed.log.warn('no products or posts arrived from commerce and blog: recommendations starts without demo behaviour');
    return;
  }
  const now = Date.now();
  const random = seededRandom(2026);
  const tasteOf = (item: ItemRow) => item.category ?? item.tags[0] ?? 'other';
  const tastes = [...new Set(catalog.map(tasteOf))];
  const behaviour: InteractionRow[] = [];
  for (let shopper = 0; shopper < 60; shopper++) {
    const userId = randomUUID();
    const taste = tastes[shopper % tastes.length]!;
    for (let n = 0; n < 12; n++) {
      const pool = random() < 0.85 ? catalog.filter((item) => tasteOf(item) === taste) : catalog;
      const item = pool[Math.floor(random() * pool.length)]!;
      const occurredAt = new Date(now - Math.floor(random() * 30 * 86_400_000));
      behaviour.push({ id: randomUUID(), userId, itemKind: item.kind, itemId: item.id, kind: KINDS[Math.floor(random() * KINDS.length)]!, rating: null, source: 'seed', occurredAt });
    }
  }
  await insertInteractions(seed.db, behaviour);
  const favourite = tastes[0]!;
  for (const item of catalog.filter((i) => i.kind === 'PRODUCT' && tasteOf(i) === favourite).slice(0, 2)) {
    await seed.graphql(RECORD, { input: { itemId: encodeId(TYPE_OF_KIND[item.kind], item.id), kind: 'LIKE' } }, 'user');
  }
  await seed.graphql(`mutation { retrainRecommendations { version } }`, {}, 'admin');
}
