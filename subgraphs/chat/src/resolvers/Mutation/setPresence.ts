import { setPresence as heartbeat } from '../../domain/presence';
import type { MutationResolvers } from '../../resolvers.generated';

export const setPresence: NonNullable<MutationResolvers['setPresence']> = (_parent, args, ctx) => heartbeat(ctx, args.status, args.clientId);
