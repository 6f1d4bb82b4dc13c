import { decodeId } from '@mosaic/kit';
import { revokeInvitation as revoke } from '../../domain/invitations';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeInvitation: NonNullable<MutationResolvers['revokeInvitation']> = (_parent, args, ctx) => revoke(ctx, decodeId('Invitation', args.id));
