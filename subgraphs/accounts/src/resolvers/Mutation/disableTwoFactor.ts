import { disableTwoFactor as disable } from '../../domain/two-factor/enrollment';
import type { MutationResolvers } from '../../resolvers.generated';

export const disableTwoFactor: NonNullable<MutationResolvers['disableTwoFactor']> = (_parent, args, ctx) => disable(ctx, args.input);
