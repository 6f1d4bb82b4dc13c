import { encodeId, NotFoundError, UnauthenticatedError } from '@mosaic/kit';
import type { Context } from '../context';
import { findMemberRole, setSessionOrganization } from '../data/organization-memberships-repo';
import { findSession } from '../data/sessions-repo';
import { findUsersByIds } from '../data/users-repo';
import { requireAccountHolder } from './account-holder';
import { accessTokenFor } from './sessions';

export interface OrganizationSwitch {
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Raw organisation id, or null for the personal context. */
  organizationId: string | null;
  role: string | null;
}

/**
 * Switches the caller's session to an organisation (or back to the personal context with null)
 * and returns an access token carrying it. Membership is checked against the projection of
 * tenancy's events; not being a member looks exactly like the organisation not existing. The
 * session remembers the choice, so refreshed tokens keep it while the membership lasts.
 */
export async function switchOrganization(ctx: Pick<Context, 'auth' | 'db' | 'keys' | 'tokenSettings' | 'now'>, organizationId: string | null): Promise<OrganizationSwitch> {
  const viewer = requireAccountHolder(ctx);
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, viewer.sessionId);
    const [user] = await findUsersByIds(tx, [viewer.userId]);
    if (!session || session.revokedAt || session.userId !== viewer.userId || !user) throw new UnauthenticatedError('This session was signed out. Sign in again.');
    const role = organizationId ? await findMemberRole(tx, viewer.userId, organizationId) : null;
    if (organizationId && !role) throw new NotFoundError('Organization', encodeId('Organization', organizationId));
    await setSessionOrganization(tx, session.id, organizationId);
    const access = await accessTokenFor(ctx, tx, user, { ...session, organizationId });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, organizationId, role: role ?? null };
  });
}
