import { UnauthenticatedError, UserInputError, uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import * as refreshTokensRepo from '../data/refresh-tokens-repo';
import { findSession, insertSession, revokeSessions, touchSession } from '../data/sessions-repo';
import type { SessionRow, UserRow } from '../data/tables';
import { findUsersByIds } from '../data/users-repo';
import { findMemberRole, setSessionOrganization } from '../data/organization-memberships-repo';
import { displayedNetwork } from './client-network';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
}

/** How the user just proved who they are (RFC 8176 `amr` values), e.g. ['pwd'] or ['pwd', 'otp', 'mfa']. */
export interface Authentication {
  amr: string[];
}

type SessionContext = Pick<Context, 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client'>;

const clientDetails = (ctx: Pick<Context, 'client'>) => ({ userAgent: ctx.client.userAgent, ipPrefix: displayedNetwork(ctx.client.ip) });

/** A new sign-in: a session row, its first refresh token, and an access token. */
export async function issueSession(ctx: SessionContext, db: Db, user: UserRow, authentication: Authentication): Promise<Session> {
  const now = ctx.now();
  const session = await insertSession(db, {
    id: uuidv7(),
    userId: user.id,
    createdAt: now,
    lastUsedAt: now,
    ...clientDetails(ctx),
    authTime: now,
    amr: authentication.amr,
  });
  return continueSession(ctx, db, user, session);
}

/** The next refresh token of `session` and an access token carrying its authentication. */
async function continueSession(ctx: SessionContext, db: Db, user: UserRow, session: SessionRow): Promise<Session> {
  const now = ctx.now();
  const refreshToken = newRefreshToken();
  const refreshTokenExpiresAt = new Date(now.getTime() + ctx.tokenSettings.refreshTokenTtlDays * 86_400_000);
  await refreshTokensRepo.insertRefreshToken(db, {
    id: uuidv7(),
    familyId: session.id,
    userId: user.id,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshTokenExpiresAt,
    createdAt: now,
  });
  const access = await accessTokenFor(ctx, db, user, session);
  ctx.signedIn.add(user.id);
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
}

/**
 * An access token for the session. A session switched to an organisation carries it (`org_id`,
 * `org_role`) only while the membership lasts: the role is read again from the membership
 * projection every time, so a refresh after removal or a role change says so within one token's
 * lifetime; a session whose membership ended falls back to the personal context.
 */
export async function accessTokenFor(ctx: Pick<Context, 'keys' | 'tokenSettings' | 'now'>, db: Db, user: UserRow, session: Pick<SessionRow, 'id' | 'authTime' | 'amr' | 'organizationId'>) {
  let tenant: { id: string; role: string } | undefined;
  if (session.organizationId) {
    const role = await findMemberRole(db, user.id, session.organizationId);
    if (role) tenant = { id: session.organizationId, role };
    else await setSessionOrganization(db, session.id, null);
  }
  return signAccessToken(ctx.keys, ctx.tokenSettings, { userId: user.id, sessionId: session.id, roles: user.roles, authTime: session.authTime, amr: session.amr, tenant }, ctx.now());
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
export async function refreshSession(ctx: Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client'>, refreshToken: string): Promise<Session> {
  const tokenHash = refreshTokenHash(refreshToken);
  const outcome = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const stored = await refreshTokensRepo.findRefreshTokenForUpdate(tx, tokenHash);
    if (!stored) return { kind: 'unknown' } as const;
    if (stored.usedAt || stored.revokedAt) {
      await revokeSessions(tx, stored.userId, now, { only: stored.familyId });
      return { kind: 'reused' } as const;
    }
    if (stored.expiresAt <= now) return { kind: 'expired' } as const;
    const session = await findSession(tx, stored.familyId);
    if (!session || session.revokedAt) return { kind: 'ended' } as const;
    await refreshTokensRepo.markRefreshTokenUsed(tx, stored.id, now);
    await touchSession(tx, session.id, now, clientDetails(ctx));
    const [user] = await findUsersByIds(tx, [stored.userId]);
    if (!user) return { kind: 'unknown' } as const;
    return { kind: 'ok', session: await continueSession(ctx, tx, user, session) } as const;
  });
  switch (outcome.kind) {
    case 'ok':
      ctx.loaders.userById.prime(outcome.session.user.id, outcome.session.user);
      return outcome.session;
    case 'reused':
      throw new UnauthenticatedError('This refresh token was already used, so every session from that sign-in has been ended to protect your account. Sign in again.');
    case 'expired':
      throw new UnauthenticatedError('Your session has expired. Sign in again.');
    case 'ended':
      throw new UnauthenticatedError('This session was signed out. Sign in again.');
    case 'unknown':
      throw new UnauthenticatedError('This refresh token is not valid. Sign in again.');
  }
}

/** Ends the session (token family) the refresh token belongs to; unknown tokens are ignored. */
export async function endSession(ctx: Pick<Context, 'db' | 'now'>, refreshToken: string): Promise<true> {
  const tokenHash = refreshTokenHash(refreshToken);
  await ctx.db.transaction(async (tx) => {
    const stored = await refreshTokensRepo.findRefreshTokenForUpdate(tx, tokenHash);
    if (!stored) return;
    await revokeSessions(tx, stored.userId, ctx.now(), { only: stored.familyId });
  });
  return true;
}
