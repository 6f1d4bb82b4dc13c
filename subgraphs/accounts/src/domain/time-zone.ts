import { z } from 'zod';
import { NotFoundError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import type { UserRow } from '../data/tables';
import { updateTimeZone } from '../data/users-repo';

export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The canonical IANA name of a zone Intl knows ("europe/berlin" → "Europe/Berlin"), or null.
 * Only region names: fixed offsets ("+02:00") do not follow daylight saving time, which is the
 * point of knowing someone's zone.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const timeZoneInput = z
  .string()
  .trim()
  .max(64, 'must be at most 64 characters')
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (!zone) ctx.addIssue({ code: 'custom', message: `"${name}" is not an IANA time zone; use a name such as "Europe/Berlin", "America/New_York" or "UTC"` });
    return zone ?? name;
  });

/** `setTimeZone`: the viewer's zone, published as `account.preferences.changed` in the same transaction. */
export async function setTimeZone(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>, input: unknown): Promise<UserRow> {
  const viewer = ctx.auth.signedIn();
  const { timeZone } = validate(z.object({ timeZone: timeZoneInput }), input);
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const user = await updateTimeZone(tx, viewer.userId, timeZone, now);
    if (!user) throw new NotFoundError('User');
    await ctx.events.emit(tx, 'account.preferences.changed', { userId: user.id, timeZone: user.timeZone, changedAt: now.toISOString() }, { occurredAt: now });
    return user;
  });
  ctx.loaders.userById.clear(updated.id).prime(updated.id, updated);
  return updated;
}
