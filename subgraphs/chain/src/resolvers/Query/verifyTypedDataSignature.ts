import { verifyTypedDataSignature as verify } from '../../domain/signatures';
import type { QueryResolvers } from '../../resolvers.generated';

export const verifyTypedDataSignature: NonNullable<QueryResolvers['verifyTypedDataSignature']> = (_parent, args, ctx) => verify(ctx, args.address, args.typedData, args.signature);
