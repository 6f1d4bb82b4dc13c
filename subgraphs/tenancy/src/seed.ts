import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { role } }`;

/**
 * Demo data for `pnpm start`: the demo user owns "Demo Team" (free plan: 3 members) and invited
 * the demo admin, who accepted as an admin.
 */
export async function seedTenancy(seed: SeedContext): Promise<void> {
  const created = await seed.graphql<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Demo Team', slug: 'demo-team' } }, 'user');
  const organizationId = created.createOrganization.id;
  const invited = await seed.graphql<{ inviteMember: { token: string } }>(INVITE, { input: { organizationId, email: seed.demo.admin.email, role: 'ADMIN' } }, 'user');
  await seed.graphql(ACCEPT, { token: invited.inviteMember.token }, 'admin');
}
