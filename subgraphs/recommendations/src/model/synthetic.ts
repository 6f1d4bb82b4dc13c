import type { Behaviour, InteractionKind } from './behaviour';
import { seededRandom } from './random';

export interface SyntheticOptions {
  users: number;
  items: number;
  /** Taste groups: every item belongs to one, every user mostly uses one. */
  clusters: number;
  interactionsPerUser: number;
  /** Share of a user's interactions inside their own cluster (the planted structure). */
  affinity: number;
  days: number;
  seed: number;
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = { users: 2_000, items: 1_000, clusters: 20, interactionsPerUser: 25, affinity: 0.85, days: 90, seed: 42 };

const KINDS: [InteractionKind, number][] = [['VIEW', 0.6], ['READ', 0.15], ['LIKE', 0.12], ['CART_ADD', 0.08], ['PURCHASE', 0.05]];

/**
 * Behaviour with known structure, reproducible from the seed: items fall into taste clusters with
 * Zipf-like popularity inside each; a user draws mostly from their own cluster and otherwise from
 * the catalog's overall popularity. A recommender that learns tastes finds the cluster; popularity
 * alone cannot.
 */
export function syntheticBehaviour(options: SyntheticOptions): { behaviour: Behaviour[]; clusterOf: (itemKey: string) => number } {
  const random = seededRandom(options.seed);
  const itemKey = (i: number) => `PRODUCT:${i}`;
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * random() ** 2.2));
  const perCluster = Math.ceil(options.items / options.clusters);
  const pick = (cluster: number) => Math.min(options.items - 1, cluster + options.clusters * zipf(perCluster));
  const kind = (): InteractionKind => {
    let r = random();
    for (const [k, p] of KINDS) if ((r -= p) < 0) return k;
    return 'VIEW';
  };
  const start = Date.UTC(2026, 0, 1);
  const behaviour: Behaviour[] = [];
  for (let u = 0; u < options.users; u++) {
    const cluster = u % options.clusters;
    for (let n = 0; n < options.interactionsPerUser; n++) {
      const item = random() < options.affinity ? pick(cluster) : zipf(options.items);
      behaviour.push({ userId: `user-${u}`, itemKey: itemKey(item), kind: kind(), rating: null, occurredAt: new Date(start + random() * options.days * 86_400_000) });
    }
  }
  behaviour.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return { behaviour, clusterOf: (key) => Number(key.split(':')[1]) % options.clusters };
}
