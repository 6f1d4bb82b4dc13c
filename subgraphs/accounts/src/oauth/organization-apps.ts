import { errors } from 'oidc-provider';
import type { Db } from '@mosaic/kit';
import { findMemberRole } from '../data/organization-memberships-repo';

/** The client metadata property carrying an organisation's app's raw organisation id (adapter.ts). */
export const ORGANIZATION_METADATA = 'organization_id';

interface ClientLike {
  clientId: string;
  [ORGANIZATION_METADATA]?: unknown;
}

export const organizationOfClient = (client: ClientLike | undefined): string | undefined => {
  const id = client?.[ORGANIZATION_METADATA];
  return typeof id === 'string' ? id : undefined;
};

/** Anyone may authorise a platform app; an organisation's app only its members (accounts' membership projection). */
export async function mayAuthorize(db: Db, client: ClientLike | undefined, accountId: string): Promise<boolean> {
  const organizationId = organizationOfClient(client);
  return !organizationId || (await findMemberRole(db, accountId, organizationId)) !== undefined;
}

/**
 * The claims an organisation's app's access tokens carry: that organisation and the user's role in
 * it now — never another organisation, never the personal context. A user no longer a member gets
 * no token (refresh included): invalid_grant.
 */
export async function organizationClaims(db: Db, client: ClientLike | undefined, accountId: string | undefined): Promise<Record<string, string> | undefined> {
  const organizationId = organizationOfClient(client);
  if (!organizationId || !accountId) return undefined;
  const role = await findMemberRole(db, accountId, organizationId);
  if (!role) throw new errors.InvalidGrant('The user is no longer a member of the organization this app belongs to.');
  return { org_id: organizationId, org_role: role };
}
