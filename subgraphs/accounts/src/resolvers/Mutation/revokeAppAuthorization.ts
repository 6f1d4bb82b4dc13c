import { revokeAppAuthorization as revoke } from '../../domain/authorized-apps';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeAppAuthorization: NonNullable<MutationResolvers['revokeAppAuthorization']> = (_parent, args, ctx) => revoke(ctx, args.clientId);
