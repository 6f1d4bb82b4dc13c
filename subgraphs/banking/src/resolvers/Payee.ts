import { encodeId } from '@mosaic/kit';
import { payeeMaskedNumberOf, payeeNameOf } from '../domain/payees';
import type { PayeeResolvers } from '../resolvers.generated';

export const Payee: PayeeResolvers = {
  id: (row) => encodeId('Payee', row.id),
  name: (row, _args, ctx) => payeeNameOf(ctx, row),
  maskedNumber: (row, _args, ctx) => payeeMaskedNumberOf(ctx, row),
};
