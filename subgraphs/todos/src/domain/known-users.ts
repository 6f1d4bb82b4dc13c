import { UserInputError, encodeId, type Db, type EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { findKnownUsers, forgetUser, rememberUser } from '../data/known-users-repo';

/** The account events the projection of users follows, in one consumer group so they apply in each user's order. */
export const KNOWN_USER_EVENTS = ['account.registered', 'account.preferences.changed', 'account.deleted'] as const;

/**
 * Keeps `known_users` in step with accounts: who exists (a project can be shared only with them)
 * and in which time zone. Idempotent, and an older event never overwrites a newer one.
 */
export const followAccounts: EventHandler<typeof accountEvents, (typeof KNOWN_USER_EVENTS)[number]> = async (event, { tx }) => {
  const payload = event.payload;
  if ('deletedAt' in payload) return forgetUser(tx, payload.userId, new Date(payload.deletedAt));
  const changedAt = 'registeredAt' in payload ? payload.registeredAt : payload.changedAt;
  await rememberUser(tx, { userId: payload.userId, timeZone: payload.timeZone, changedAt: new Date(changedAt) });
};

/** BAD_USER_INPUT unless accounts announced this user (and did not delete them). */
export async function assertKnownUser(tx: Db, userId: string, field: string): Promise<void> {
  if ((await findKnownUsers(tx, [userId])).length === 0) {
    throw new UserInputError(`${field}: no user with id ${encodeId('User', userId)}. Check the id (it is User.id from accounts, e.g. from a project's members or \`me\`).`, field);
  }
}
