import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { AuditEvent } from './AuditEvent';
import { Invitation } from './Invitation';
import { Membership } from './Membership';
import { acceptInvitation } from './Mutation/acceptInvitation';
import { billingPortalUrl } from './Mutation/billingPortalUrl';
import { cancelSubscription } from './Mutation/cancelSubscription';
import { changePlan } from './Mutation/changePlan';
import { startCheckout } from './Mutation/startCheckout';
import { changeMemberRole } from './Mutation/changeMemberRole';
import { createOrganization } from './Mutation/createOrganization';
import { inviteMember } from './Mutation/inviteMember';
import { leaveOrganization } from './Mutation/leaveOrganization';
import { removeMember } from './Mutation/removeMember';
import { revokeInvitation } from './Mutation/revokeInvitation';
import { transferOwnership } from './Mutation/transferOwnership';
import { Organization } from './Organization';
import { Plan } from './Plan';
import { organization } from './Query/organization';
import { organizationBySlug } from './Query/organizationBySlug';
import { organizationEntitlements } from './Query/organizationEntitlements';
import { BillingSubscription } from './BillingSubscription';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { organization, organizationBySlug, organizationEntitlements },
  Mutation: { createOrganization, inviteMember, revokeInvitation, acceptInvitation, changeMemberRole, removeMember, leaveOrganization, transferOwnership, startCheckout, changePlan, cancelSubscription, billingPortalUrl },
  Organization,
  Membership,
  Invitation,
  AuditEvent,
  Plan,
  BillingSubscription,
  User,
};
