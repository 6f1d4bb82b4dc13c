import { regenerateRecoveryCodes as regenerate } from '../../domain/two-factor/enrollment';
import type { MutationResolvers } from '../../resolvers.generated';

export const regenerateRecoveryCodes: NonNullable<MutationResolvers['regenerateRecoveryCodes']> = (_parent, args, ctx) => regenerate(ctx, args.code);
