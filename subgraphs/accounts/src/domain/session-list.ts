import { NotFoundError } from '@mosaic/kit';
import type { Context } from '../context';
import { revokeSessions } from '../data/sessions-repo';
import type { SessionRow } from '../data/tables';
import { requireAccountHolder } from './account-holder';

/** A user's signed-in devices, most recently used first (User.sessions, through a loader). */
export function sessionsOf(ctx: Pick<Context, 'loaders'>, userId: string): Promise<SessionRow[]> {
  return ctx.loaders.sessionsByUserId.load(userId);
}

export const isCurrentSession = (ctx: Pick<Context, 'viewer'>, session: SessionRow) => ctx.viewer?.sessionId === session.id;

/**
 * Signs one of the viewer's own sessions out: its refresh token stops working at once; access
 * tokens it already issued expire on their own (at most ACCESS_TOKEN_TTL_SECONDS).
 */
export async function revokeOwnSession(ctx: Pick<Context, 'auth' | 'db' | 'now'>, sessionId: string): Promise<true> {
  const viewer = requireAccountHolder(ctx);
  if ((await revokeSessions(ctx.db, viewer.userId, ctx.now(), { only: sessionId })) === 0) throw new NotFoundError('Session', sessionId);
  return true;
}

/** "Sign out everywhere else": every session but the caller's. Returns how many were ended. */
export function revokeOtherSessions(ctx: Pick<Context, 'auth' | 'db' | 'now'>): Promise<number> {
  const viewer = requireAccountHolder(ctx);
  return revokeSessions(ctx.db, viewer.userId, ctx.now(), { except: viewer.sessionId });
}

/** Admins: signs a user out of every session (a lost laptop, a compromised account). */
export function revokeUserSessions(ctx: Pick<Context, 'auth' | 'db' | 'now'>, userId: string): Promise<number> {
  ctx.auth.require('users:write');
  return revokeSessions(ctx.db, userId, ctx.now());
}
