import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '@mosaic/kit';
import { findOAuthClientsByIds } from '../data/oauth-clients-repo';
import { consumeOidcModel, destroyByGrantId, destroyOidcModel, findOidcModel, upsertOidcModel } from '../data/oidc-models-repo';
import type { OAuthClientRow } from '../data/tables';
import { OIDC_SCOPES } from './scopes';

/**
 * oidc-provider's storage (its documented adapter contract) in accounts' PostgreSQL schema, so
 * every replica sees the same codes, grants and sessions. Clients are not stored by the library:
 * they are the admin-registered rows of `oauth_clients`, presented as client metadata.
 */
export function postgresAdapter(db: Db, now: () => Date, apiScopes: readonly string[]): new (name: string) => Adapter {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.kind === 'Client') throw new Error('Clients are registered through GraphQL, not by oidc-provider.');
      await upsertOidcModel(db, this.kind, id, payload as Record<string, unknown>, expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.kind === 'Client') {
        const [client] = await findOAuthClientsByIds(db, [id]);
        return client ? clientMetadata(client, apiScopes) : undefined;
      }
      const row = await findOidcModel(db, this.kind, { id }, now());
      return row ? withConsumed(row) : undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const row = await findOidcModel(db, this.kind, { uid }, now());
      return row ? withConsumed(row) : undefined;
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined; // the device flow is not enabled
    }

    async consume(id: string): Promise<void> {
      await consumeOidcModel(db, this.kind, id, now());
    }

    async destroy(id: string): Promise<void> {
      await destroyOidcModel(db, this.kind, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await destroyByGrantId(db, grantId);
    }
  };
}

const withConsumed = (row: { payload: Record<string, unknown>; consumedAt: Date | null }): AdapterPayload => ({
  ...row.payload,
  ...(row.consumedAt ? { consumed: Math.floor(row.consumedAt.getTime() / 1000) } : {}),
});

/**
 * The secret is stored hashed; `client_secret` carries the hash and the provider's comparison is
 * replaced to hash what the client presents (see oauth-server.ts). Only grant types registered for
 * the app are allowed, and it may ask only for the scopes registered for it.
 */
export function clientMetadata(client: OAuthClientRow, apiScopes: readonly string[]): AdapterPayload {
  const authorizationCode = client.grantTypes.includes('authorization_code');
  const scopes = client.scopes.filter((scope) => apiScopes.includes(scope));
  return {
    client_id: client.id,
    client_name: client.name,
    ...(client.secretHash ? { client_secret: client.secretHash, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    redirect_uris: client.redirectUris,
    grant_types: client.grantTypes,
    response_types: authorizationCode ? ['code'] : [],
    scope: [...(authorizationCode ? OIDC_SCOPES : []), ...scopes].join(' '),
    id_token_signed_response_alg: 'EdDSA',
    ...(client.organizationId ? { organization_id: client.organizationId } : {}),
  };
}
