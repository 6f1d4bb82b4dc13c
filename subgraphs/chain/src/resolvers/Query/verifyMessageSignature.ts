import { verifyMessageSignature as verify } from '../../domain/signatures';
import type { QueryResolvers } from '../../resolvers.generated';

export const verifyMessageSignature: NonNullable<QueryResolvers['verifyMessageSignature']> = (_parent, args) => verify(args.address, args.message, args.signature);
