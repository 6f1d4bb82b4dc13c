import { acceptInvitation as accept } from '../../domain/invitations';
import type { MutationResolvers } from '../../resolvers.generated';

export const acceptInvitation: NonNullable<MutationResolvers['acceptInvitation']> = (_parent, args, ctx) => accept(ctx, args.token);
