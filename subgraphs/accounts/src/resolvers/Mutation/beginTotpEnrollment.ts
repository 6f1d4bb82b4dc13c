import { beginTotpEnrollment as begin } from '../../domain/two-factor/enrollment';
import type { MutationResolvers } from '../../resolvers.generated';

export const beginTotpEnrollment: NonNullable<MutationResolvers['beginTotpEnrollment']> = (_parent, _args, ctx) => begin(ctx);
