import { uuidv7, type Db, type Outbox } from '@mosaic/kit';
import { insertUser } from '../data/users-repo';
import type { UserRow } from '../data/tables';
import type { accountEvents } from '../events';
import { DEFAULT_TIME_ZONE } from './time-zone';

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string | null;
}

/**
 * Every way an account comes to exist (register, confirmSignUp, external sign-in) goes through
 * here, so `account.registered` is written in the transaction that creates the user — other
 * subgraphs learn of every account, exactly once per commit.
 */
export async function createAccount(ctx: { events: Outbox<typeof accountEvents> }, tx: Db, account: NewAccount, now: Date): Promise<UserRow> {
  const user = await insertUser(tx, { id: uuidv7(now.getTime()), ...account, roles: ['user'], timeZone: DEFAULT_TIME_ZONE, createdAt: now, updatedAt: now });
  await ctx.events.emit(tx, 'account.registered', { userId: user.id, timeZone: user.timeZone, registeredAt: now.toISOString() }, { occurredAt: now });
  return user;
}
