import { z } from 'zod';
import { UnauthenticatedError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteUser } from '../data/users-repo';
import { requireAccountHolder } from './account-holder';
import { checkPassword } from './login';

const deleteAccountInput = z.object({ password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters') });

export interface DeletedAccount {
  userId: string;
  deletedAt: Date;
}

/**
 * Deletes the viewer's account after checking their password (under the sign-in attempt limits).
 * The user row and its sessions go, and `account.deleted` is written in the same transaction: the
 * other subgraphs remove the user's data when it reaches them. Access tokens already issued stay
 * valid until they expire, but name a user who no longer exists.
 */
export async function deleteAccount(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events' | 'client'>, input: unknown): Promise<DeletedAccount> {
  const viewer = requireAccountHolder(ctx);
  const { password } = validate(deleteAccountInput, input);
  const user = await ctx.loaders.userById.load(viewer.userId);
  if (!user) throw new UnauthenticatedError('Your account no longer exists.');
  await checkPassword(ctx, user.email, password);
  const deletedAt = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await deleteUser(tx, user.id);
    await ctx.events.emit(tx, 'account.deleted', { userId: user.id, deletedAt: deletedAt.toISOString() }, { occurredAt: deletedAt });
  });
  ctx.loaders.userById.clear(user.id);
  return { userId: user.id, deletedAt };
}
