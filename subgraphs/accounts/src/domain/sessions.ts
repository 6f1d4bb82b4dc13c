import { UnauthenticatedError, UserInputError, uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import * as refreshTokensRepo from '../data/refresh-tokens-repo';
import type { UserRow } from '../data/tables';
import { findUsersByIds } from '../data/users-repo';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}

type SessionContext = Pick<Context, 'keys' | 'tokenSettings' | 'now' | 'signedIn'>;

/** Issues a refresh token in `familyId` (a new family = a new sign-in) and an access token for it. */
export async function issueSession(ctx: SessionContext, db: Db, user: UserRow, familyId = uuidv7()): Promise<Session> {
  const now = ctx.now();
  const refreshToken = newRefreshToken();
  const refreshTokenExpiresAt = new Date(now.getTime() + ctx.tokenSettings.refreshTokenTtlDays * 86_400_000);
  await refreshTokensRepo.insertRefreshToken(db, {
    id: uuidv7(),
    familyId,
    userId: user.id,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshTokenExpiresAt,
    createdAt: now,
  });
  const access = await signAccessToken(ctx.keys, ctx.tokenSettings, { userId: user.id, sessionId: familyId, roles: user.roles }, now);
  ctx.signedIn.add(user.id);
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
}

const MAX_REFRESH_TOKEN_LENGTH = 256;

function refreshTokenHash(refreshToken: string): string {
  if (refreshToken.length === 0 || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) {
    throw new UserInputError('refreshToken must be the token returned by login, register or refreshSession.', 'refreshToken');
  }
  return hashRefreshToken(refreshToken);
}

/**
 * Rotation with reuse detection: a refresh token works once. Presenting one that was already used
 * (or revoked) means a copy exists somewhere else, so the whole family — every session descended
 * from that sign-in — is revoked, and the caller must sign in again.
 */
export async function refreshSession(ctx: Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn'>, refreshToken: string): Promise<Session> {
  const tokenHash = refreshTokenHash(refreshToken);
  const outcome = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const stored = await refreshTokensRepo.findRefreshTokenForUpdate(tx, tokenHash);
    if (!stored) return { kind: 'unknown' } as const;
    if (stored.usedAt || stored.revokedAt) {
      await refreshTokensRepo.revokeFamily(tx, stored.familyId, now);
      return { kind: 'reused' } as const;
    }
    if (stored.expiresAt <= now) return { kind: 'expired' } as const;
    await refreshTokensRepo.markRefreshTokenUsed(tx, stored.id, now);
    const [user] = await findUsersByIds(tx, [stored.userId]);
    if (!user) return { kind: 'unknown' } as const;
    return { kind: 'ok', session: await issueSession(ctx, tx, user, stored.familyId) } as const;
  });
  switch (outcome.kind) {
    case 'ok':
      ctx.loaders.userById.prime(outcome.session.user.id, outcome.session.user);
      return outcome.session;
    case 'reused':
      throw new UnauthenticatedError('This refresh token was already used, so every session from that sign-in has been ended to protect your account. Sign in again.');
    case 'expired':
      throw new UnauthenticatedError('Your session has expired. Sign in again.');
    case 'unknown':
      throw new UnauthenticatedError('This refresh token is not valid. Sign in again.');
  }
}

/** Ends the session (token family) the refresh token belongs to; unknown tokens are ignored. */
export async function endSession(ctx: Pick<Context, 'db' | 'now'>, refreshToken: string): Promise<true> {
  const tokenHash = refreshTokenHash(refreshToken);
  await ctx.db.transaction(async (tx) => {
    const stored = await refreshTokensRepo.findRefreshTokenForUpdate(tx, tokenHash);
    if (stored) await refreshTokensRepo.revokeFamily(tx, stored.familyId, ctx.now());
  });
  return true;
}
