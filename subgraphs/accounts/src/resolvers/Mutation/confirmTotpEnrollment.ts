import { confirmTotpEnrollment as confirm } from '../../domain/two-factor/enrollment';
import type { MutationResolvers } from '../../resolvers.generated';

export const confirmTotpEnrollment: NonNullable<MutationResolvers['confirmTotpEnrollment']> = (_parent, args, ctx) => confirm(ctx, args.code);
