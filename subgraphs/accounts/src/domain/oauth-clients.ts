import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ADMIN_ROLE, decodeId, ForbiddenError, NotFoundError, UserInputError, pageSize, toConnection, validate, type Connection, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteOAuthClient as deleteClientRow, findOAuthClientsByIds, insertOAuthClient, listOAuthClients as listClientRows, oauthClientCursorKey, updateOAuthClientSecret } from '../data/oauth-clients-repo';
import { destroyByClientId } from '../data/oidc-models-repo';
import { findMemberRole } from '../data/organization-memberships-repo';
import type { OAuthClientRow } from '../data/tables';
import { apiScopesOf } from '../oauth/scopes';
import { hashOpaqueToken, newOpaqueToken } from './tokens';

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere, http only on this machine (RFC 8252 loopback redirects); no fragments. */
const redirectUri = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => URL.canParse(value), 'must be an absolute URL')
  .refine((value) => {
    const url = new URL(value);
    return !url.hash && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
  }, 'must be https:// (or http:// on localhost) and have no #fragment');

const createInput = (apiScopes: readonly string[]) => z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    redirectUris: z.array(redirectUri).max(10, 'at most 10').default([]),
    scopes: z
      .array(z.string())
      .min(1, 'name at least one scope the app may ask for')
      .refine((scopes) => scopes.every((s) => apiScopes.includes(s)), `must be among: ${apiScopes.join(', ')}`),
    grantTypes: z.array(z.enum(GRANT_TYPES)).min(1, 'name at least one grant type'),
    confidential: z.boolean(),
    organizationId: z.string().nullish(),
  })
  .superRefine((input, issues) => {
    const has = (grant: GrantType) => input.grantTypes.includes(grant);
    if (has('authorization_code') && input.redirectUris.length === 0) issues.addIssue({ code: 'custom', path: ['redirectUris'], message: 'an app using AUTHORIZATION_CODE needs at least one redirect URI' });
    if (has('client_credentials') && !input.confidential) issues.addIssue({ code: 'custom', path: ['grantTypes'], message: 'CLIENT_CREDENTIALS needs a confidential app (one with a secret)' });
    if (has('refresh_token') && !has('authorization_code')) issues.addIssue({ code: 'custom', path: ['grantTypes'], message: 'REFRESH_TOKEN comes with AUTHORIZATION_CODE' });
    // A client-credentials token has no user, hence no member: it could not act in the organisation.
    if (input.organizationId && has('client_credentials')) issues.addIssue({ code: 'custom', path: ['grantTypes'], message: "an organization's app acts for its members: CLIENT_CREDENTIALS is not available to it" });
  });

export interface RegisteredClient {
  client: OAuthClientRow;
  /** Shown once; only its hash is stored. Null for public apps. */
  clientSecret: string | null;
}

function requireAdmin(ctx: Pick<Context, 'auth'>) {
  const viewer = ctx.auth.signedIn();
  if (viewer.clientId || !ctx.auth.hasRole(ADMIN_ROLE)) throw new ForbiddenError('Only admins, signed in to Mosaic themselves, manage OAuth apps.');
  return viewer;
}

/**
 * An organisation's owners and admins register its apps, signed in to Mosaic themselves with a
 * token switched to that organisation; the role is read again from the membership projection
 * (a demotion since the token was issued counts). Which organisation it is comes from the token.
 */
async function requireOrganizationAdmin(ctx: Pick<Context, 'auth' | 'db'>, organizationId: string) {
  const viewer = ctx.auth.signedIn();
  const tenant = viewer.tenant;
  if (viewer.clientId || tenant?.id !== organizationId) throw new ForbiddenError("Switch to the organization (switchOrganization) to register its apps.");
  const role = await findMemberRole(ctx.db, viewer.userId, organizationId);
  if (role !== 'owner' && role !== 'admin') throw new ForbiddenError("Only the organization's owners and admins register its apps.");
  return viewer;
}

export async function registerOAuthClient(ctx: Pick<Context, 'auth' | 'db' | 'now' | 'loaders' | 'tokenSettings'>, input: unknown): Promise<RegisteredClient> {
  const organizationId = organizationOf(input);
  const registrar = organizationId ? await requireOrganizationAdmin(ctx, organizationId) : requireAdmin(ctx);
  const apiScopes = apiScopesOf(ctx.tokenSettings.scopeCatalog);
  const registered = await createClient(ctx.db, input, apiScopes, { id: `mosaic_${randomBytes(12).toString('base64url')}`, createdBy: registrar.userId, organizationId, now: ctx.now() });
  ctx.loaders.oauthClientById.prime(registered.client.id, registered.client);
  return registered;
}

/**
 * Seeding only: the demo app under a fixed client_id (the README's commands name it), validated
 * like any registration.
 */
export async function registerDemoClient(db: Db, id: string, input: unknown, apiScopes: readonly string[], now: Date): Promise<void> {
  const [existing] = await findOAuthClientsByIds(db, [id]);
  if (!existing) await createClient(db, input, apiScopes, { id, createdBy: null, organizationId: null, now });
}

/** The raw organisation id of `input.organizationId` (opaque), or null. */
function organizationOf(input: unknown): string | null {
  const given = (input as { organizationId?: unknown } | null)?.organizationId;
  if (given === undefined || given === null) return null;
  if (typeof given !== 'string') throw new UserInputError('input.organizationId must be an organization id.', 'input.organizationId');
  return decodeId('Organization', given, 'input.organizationId');
}

async function createClient(db: Db, input: unknown, apiScopes: readonly string[], meta: { id: string; createdBy: string | null; organizationId: string | null; now: Date }): Promise<RegisteredClient> {
  const { name, redirectUris, scopes, grantTypes, confidential } = validate(createInput(apiScopes), input);
  const clientSecret = confidential ? newOpaqueToken() : null;
  const client = await insertOAuthClient(db, {
    id: meta.id,
    name,
    secretHash: clientSecret ? hashOpaqueToken(clientSecret) : null,
    redirectUris: [...new Set(redirectUris)],
    scopes: [...new Set(scopes)].sort(),
    grantTypes: [...new Set(grantTypes)],
    createdBy: meta.createdBy,
    organizationId: meta.organizationId,
    createdAt: meta.now,
  });
  return { client, clientSecret };
}

export async function listOAuthClients(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: { first?: number | null; after?: string | null }): Promise<Connection<OAuthClientRow>> {
  requireAdmin(ctx);
  const limit = pageSize(args.first);
  const rows = await listClientRows(ctx.db, limit, args.after);
  for (const row of rows) ctx.loaders.oauthClientById.prime(row.id, row);
  return toConnection(rows, limit, oauthClientCursorKey, args.after);
}

/** A new secret for a confidential app; the old one stops working at once. */
export async function rotateOAuthClientSecret(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, clientId: string): Promise<RegisteredClient> {
  requireAdmin(ctx);
  const existing = await ctx.loaders.oauthClientById.load(clientId);
  if (!existing) throw new NotFoundError('OAuthClient', clientId);
  if (!existing.secretHash) throw new UserInputError('clientId: a public app has no secret to rotate.', 'clientId');
  const clientSecret = newOpaqueToken();
  const client = await updateOAuthClientSecret(ctx.db, clientId, hashOpaqueToken(clientSecret));
  if (!client) throw new NotFoundError('OAuthClient', clientId);
  return { client, clientSecret };
}

/** Removes the app with every grant, code and refresh token it holds. */
export async function deleteOAuthClient(ctx: Pick<Context, 'auth' | 'db'>, clientId: string): Promise<true> {
  requireAdmin(ctx);
  const deleted = await ctx.db.transaction(async (tx) => {
    await destroyByClientId(tx, clientId);
    return deleteClientRow(tx, clientId);
  });
  if (!deleted) throw new NotFoundError('OAuthClient', clientId);
  return true;
}
