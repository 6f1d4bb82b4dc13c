import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Product } from './Product';
import { createProduct } from './Mutation/createProduct';
import { product } from './Query/product';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { product },
  Mutation: { createProduct },
  Product,
  User,
};
