import * as oidc from 'openid-client';
import { z } from 'zod';
import { ForbiddenError, UnauthenticatedError, UnavailableError, UserInputError, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { findExternalIdentity, insertExternalIdentity, insertExternalSignIn, takeExternalSignIn } from '../data/external-identities-repo';
import type { UserRow } from '../data/tables';
import { findUserByEmail, findUsersByIds } from '../data/users-repo';
import { createAccount } from './new-account';
import { ExternalSignInFailed, type ExternalIdentity, type ExternalIdentityProvider } from '../providers/oidc/external-provider';
import { normalizeEmail } from './credentials';
import { issueSession, type Session } from './sessions';
import { hashOpaqueToken } from './tokens';
import { requireSecondFactorIfEnabled } from './two-factor/challenge';

const SIGN_IN_TTL_MS = 10 * 60_000;

type ExternalContext = Pick<Context, 'db' | 'now' | 'externalProviders'>;

function providerNamed(ctx: ExternalContext, id: string): ExternalIdentityProvider {
  const provider = ctx.externalProviders.find((p) => p.id === id);
  if (!provider) throw new UserInputError(`provider: no identity provider "${id}"; see externalIdentityProviders.`, 'provider');
  return provider;
}

const beginInput = z.object({ provider: z.string().max(64), redirectUri: z.string().max(2000) });

/**
 * Step 1: where to send the browser. The PKCE verifier and nonce stay here (found again by the
 * hashed `state`), so the client needs no cookie and cannot tamper with them.
 */
export async function beginExternalSignIn(ctx: ExternalContext, input: unknown): Promise<{ authorizationUrl: string; expiresAt: Date }> {
  const { provider: id, redirectUri } = validate(beginInput, input, '');
  const provider = providerNamed(ctx, id);
  if (!provider.redirectUris.includes(redirectUri)) throw new UserInputError(`redirectUri: not registered for ${provider.name}.`, 'redirectUri');
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const expiresAt = new Date(ctx.now().getTime() + SIGN_IN_TTL_MS);
  const authorizationUrl = await provider
    .authorizationUrl({ redirectUri, state, nonce, codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier) })
    .catch(unavailable);
  await insertExternalSignIn(ctx.db, { stateHash: hashOpaqueToken(state), provider: id, codeVerifier, nonce, redirectUri, expiresAt });
  return { authorizationUrl, expiresAt };
}

const completeInput = z.object({ provider: z.string().max(64), callbackUrl: z.string().max(4000) });

type CompleteContext = ExternalContext & Pick<Context, 'loaders' | 'keys' | 'tokenSettings' | 'signedIn' | 'client' | 'events'>;

/**
 * Step 2: the URL the provider sent the browser back to. The account is the one linked to this
 * provider subject, else the one whose email the provider says is verified (now linked), else a
 * new account. Two-factor authentication still applies (SECOND_FACTOR_REQUIRED).
 */
export async function completeExternalSignIn(ctx: CompleteContext, input: unknown): Promise<Session> {
  const { provider: id, callbackUrl } = validate(completeInput, input);
  const provider = providerNamed(ctx, id);
  if (!URL.canParse(callbackUrl)) throw new UserInputError('input.callbackUrl: must be the full URL the provider redirected to.', 'input.callbackUrl');
  const url = new URL(callbackUrl);
  const state = url.searchParams.get('state');
  const pending = state ? await takeExternalSignIn(ctx.db, hashOpaqueToken(state), id, ctx.now()) : undefined;
  if (!pending || !state) throw new UnauthenticatedError('This sign-in has expired or was already completed. Start again.');
  if (url.searchParams.get('error')) throw new UnauthenticatedError(`${provider.name} did not sign you in (${url.searchParams.get('error')}).`);
  if (`${url.origin}${url.pathname}` !== pending.redirectUri) throw new UserInputError('input.callbackUrl: is not the redirect URI this sign-in started with.', 'input.callbackUrl');
  let identity: ExternalIdentity;
  try {
    identity = await provider.identityFromCallback(url, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
  } catch (error) {
    if (error instanceof ExternalSignInFailed) throw new UnauthenticatedError(error.message);
    throw error;
  }
  const user = await accountFor(ctx, id, identity);
  await requireSecondFactorIfEnabled(ctx, user, 'fed');
  const session = await issueSession(ctx, ctx.db, user, { amr: ['fed'] });
  ctx.loaders.userById.prime(user.id, user);
  return session;
}

async function accountFor(ctx: Pick<Context, 'db' | 'now' | 'events'>, provider: string, identity: ExternalIdentity): Promise<UserRow> {
  const linked = await findExternalIdentity(ctx.db, provider, identity.subject);
  if (linked) {
    const [user] = await findUsersByIds(ctx.db, [linked.userId]);
    if (user) return user;
  }
  if (!identity.email || !identity.emailVerified) {
    throw new ForbiddenError('The provider did not confirm your email address, so it cannot be linked to a Mosaic account. Verify it there first.');
  }
  const email = normalizeEmail(identity.email);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const user =
      (await findUserByEmail(tx, email)) ??
      (await createAccount(ctx, tx, { email, displayName: (identity.name?.trim() || email.split('@', 1)[0]!).slice(0, 80), passwordHash: null }, now));
    await insertExternalIdentity(tx, { provider, subject: identity.subject, userId: user.id, email, createdAt: now });
    return user;
  });
}

const unavailable = (error: unknown): never => {
  if (error instanceof ExternalSignInFailed) throw new UnavailableError(error.message);
  throw error;
};

export function listExternalProviders(ctx: Pick<Context, 'externalProviders'>): { id: string; name: string }[] {
  return ctx.externalProviders.map((p) => ({ id: p.id, name: p.name }));
}
