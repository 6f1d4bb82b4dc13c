import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Link } from './Link';
import { createLink } from './Mutation/createLink';
import { link } from './Query/link';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { link },
  Mutation: { createLink },
  Link,
  User,
};
