import type { OrganizationRole } from '../resolvers.generated';

export const ROLES = ['owner', 'admin', 'member', 'billing'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How far a role reaches when managing members: nobody grants, changes or removes above their own
 * rank. BILLING ranks with MEMBER: it manages money, not people.
 */
const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1, billing: 1 };

export const rankOf = (role: string): number => RANK[role as Role] ?? 0;
export const managesMembers = (role: string): boolean => role === 'owner' || role === 'admin';

export const roleFromGraphQL = (role: OrganizationRole): Role => role.toLowerCase() as Role;
export const roleToGraphQL = (role: string): OrganizationRole => role.toUpperCase() as OrganizationRole;
