import type { UserReference } from '@mosaic/kit';
import type { Plan } from './domain/plans';
import type { Entitlements, UsageView } from './domain/usage';
import type { AuditEventRow, InvitationRow, MembershipRow, OrganizationRow, SubscriptionRow } from './data/tables';

export type UserMapper = UserReference;
export type OrganizationMapper = OrganizationRow;
export type MembershipMapper = MembershipRow;
export type InvitationMapper = InvitationRow;
export type InvitationCreatedMapper = { invitation: InvitationRow; token: string };
export type AuditEventMapper = AuditEventRow;
export type PlanMapper = Plan;
export type BillingSubscriptionMapper = SubscriptionRow;
export type UsageMapper = UsageView;
export type OrganizationEntitlementsMapper = Entitlements;
