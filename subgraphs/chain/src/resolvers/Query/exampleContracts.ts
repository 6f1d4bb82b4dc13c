import { exampleContracts as examples } from '../../domain/contracts/examples';
import type { QueryResolvers } from '../../resolvers.generated';

export const exampleContracts: NonNullable<QueryResolvers['exampleContracts']> = () => examples;
