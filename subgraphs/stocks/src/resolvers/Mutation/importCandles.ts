import { importCandles as importCsv } from '../../domain/import-candles';
import type { MutationResolvers } from '../../resolvers.generated';

export const importCandles: NonNullable<MutationResolvers['importCandles']> = (_parent, args, ctx) => importCsv(ctx, args.input);
