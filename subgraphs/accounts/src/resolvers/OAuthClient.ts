import { encodeId } from '@mosaic/kit';
import type { GrantType } from '../domain/oauth-clients';
import type { OAuthClientResolvers, OAuthGrantType } from '../resolvers.generated';

export const grantTypeFromGraphQL = (grant: OAuthGrantType): GrantType => grant.toLowerCase() as GrantType;
const grantTypeToGraphQL = (grant: string): OAuthGrantType => grant.toUpperCase() as OAuthGrantType;

export const OAuthClient: OAuthClientResolvers = {
  confidential: (client) => client.secretHash !== null,
  grantTypes: (client) => client.grantTypes.map(grantTypeToGraphQL),
  organizationId: (client) => (client.organizationId ? encodeId('Organization', client.organizationId) : null),
};
