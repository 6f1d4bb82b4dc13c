import { NotFoundError } from '@mosaic/kit';
import type { Context } from '../context';
import { revokeGrantsOf } from '../data/oidc-models-repo';
import { GRAPH_RESOURCE } from '../oauth/scopes';
import { requireAccountHolder } from './account-holder';

export interface AuthorizedApp {
  clientId: string;
  scopes: string[];
  grantedAt: Date;
}

interface GrantPayload {
  clientId?: string;
  iat?: number;
  openid?: { scope?: string };
  resources?: Record<string, string>;
}

/** The apps a user allowed, with what they allowed each (from oidc-provider's grants). */
export async function authorizedAppsOf(ctx: Pick<Context, 'loaders'>, userId: string): Promise<AuthorizedApp[]> {
  const byClient = new Map<string, AuthorizedApp>();
  for (const row of await ctx.loaders.grantsByUserId.load(userId)) {
    const grant = row.payload as GrantPayload;
    if (!grant.clientId) continue;
    const scopes = [...new Set([...(grant.openid?.scope ?? '').split(' '), ...(grant.resources?.[GRAPH_RESOURCE] ?? '').split(' ')])].filter(Boolean);
    const grantedAt = new Date((grant.iat ?? 0) * 1000);
    const app = byClient.get(grant.clientId);
    if (app) {
      app.scopes = [...new Set([...app.scopes, ...scopes])];
      if (grantedAt < app.grantedAt) app.grantedAt = grantedAt;
    } else byClient.set(grant.clientId, { clientId: grant.clientId, scopes, grantedAt });
  }
  return [...byClient.values()].map((app) => ({ ...app, scopes: app.scopes.sort() }));
}

/**
 * Takes an app's access back: its grants and every refresh token under them are deleted, so it
 * cannot get new access tokens (ones it holds expire within ACCESS_TOKEN_TTL_SECONDS).
 */
export async function revokeAppAuthorization(ctx: Pick<Context, 'auth' | 'db'>, clientId: string): Promise<true> {
  const viewer = requireAccountHolder(ctx);
  const revoked = await ctx.db.transaction((tx) => revokeGrantsOf(tx, viewer.userId, clientId));
  if (revoked === 0) throw new NotFoundError('AuthorizedApp', clientId);
  return true;
}
