import { revokeOtherSessions as revokeOthers } from '../../domain/session-list';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeOtherSessions: NonNullable<MutationResolvers['revokeOtherSessions']> = (_parent, _args, ctx) => revokeOthers(ctx);
