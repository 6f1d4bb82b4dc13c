import { shortenLink as shorten } from '../../domain/shorten-link';
import type { MutationResolvers } from '../../resolvers.generated';

export const shortenLink: NonNullable<MutationResolvers['shortenLink']> = (_parent, args, ctx) => shorten(ctx, args.input);
