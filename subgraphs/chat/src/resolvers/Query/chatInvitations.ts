import { invitationsOfViewer } from '../../domain/invitations';
import type { QueryResolvers } from '../../resolvers.generated';

export const chatInvitations: NonNullable<QueryResolvers['chatInvitations']> = (_parent, _args, ctx) => invitationsOfViewer(ctx);
