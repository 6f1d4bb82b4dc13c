import { z } from 'zod';
import { RateLimitedError, UserInputError, uuidv7, validate, type Db, type Logger } from '@mosaic/kit';
import { countRecentInteractions, insertInteraction } from '../data/interactions-repo';
import { itemKey } from '../data/items-repo';
import type { InteractionRow } from '../data/tables';
import type { Context } from '../context';
import type { InteractionKind } from '../model/behaviour';
import { parseItemId } from './items';

const recordInput = z
  .object({
    itemId: z.string(),
    kind: z.enum(['VIEW', 'READ', 'CART_ADD', 'LIKE', 'PURCHASE', 'RATING']),
    rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullish(),
  })
  .refine((input) => (input.kind === 'RATING') === (input.rating != null), { message: 'give a rating (1 to 5) with RATING, and only then', path: ['rating'] });

export interface Behaviour {
  userId: string;
  itemKind: InteractionRow['itemKind'];
  itemId: string;
  kind: InteractionKind;
  rating: number | null;
  occurredAt: Date;
  source: string;
}

type LearnContext = { db: Db; settings: Context['settings']; loaders: Pick<Context['loaders'], 'itemByKey'> };

/**
 * Stores one interaction to learn from, after the checks that keep the model honest: the item
 * must be known, and one user may not record more than the per-minute limit (a flood is refused
 * here, so it is never trained on).
 */
export async function learn(ctx: LearnContext, behaviour: Behaviour, field = 'input.itemId'): Promise<InteractionRow> {
  if (!(await ctx.loaders.itemByKey.load(itemKey(behaviour.itemKind, behaviour.itemId)))) {
    throw new UserInputError(`Recommendations knows no ${behaviour.itemKind === 'PRODUCT' ? 'product' : 'post'} with this id (only listed items can be recorded).`, field);
  }
  const minuteAgo = new Date(behaviour.occurredAt.getTime() - 60_000);
  if ((await countRecentInteractions(ctx.db, behaviour.userId, minuteAgo)) >= ctx.settings.maxPerMinute) {
    throw new RateLimitedError(`At most ${ctx.settings.maxPerMinute} interactions a minute are recorded; try again in a minute.`, 60);
  }
  return insertInteraction(ctx.db, { id: uuidv7(behaviour.occurredAt.getTime()), ...behaviour });
}

/** `recordInteraction`: the caller did something with an item. */
export async function recordInteraction(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<InteractionRow> {
  const userId = ctx.auth.require('recommendations:write').userId;
  const parsed = validate(recordInput, input);
  const item = parseItemId(parsed.itemId, 'input.itemId');
  const row = await learn(ctx, { userId, itemKind: item.kind, itemId: item.id, kind: parsed.kind, rating: parsed.rating ?? null, occurredAt: ctx.now(), source: 'api' });
  // The caller's history changed: recommendations read in this request must see it.
  ctx.loaders.history.clearAll();
  return row;
}

/** For event consumers: behaviour refused by the checks is logged and dropped, never retried. */
export async function learnFromEvent(ctx: LearnContext & { log: Logger }, behaviour: Behaviour): Promise<void> {
  try {
    await learn(ctx, behaviour);
  } catch (error) {
    if (!(error instanceof UserInputError || error instanceof RateLimitedError)) throw error;
    ctx.log.warn({ userId: behaviour.userId, source: behaviour.source, reason: error.message }, 'behaviour not learned from');
  }
}
