import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Organization } from './Organization';
import { createOrganization } from './Mutation/createOrganization';
import { organization } from './Query/organization';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { organization },
  Mutation: { createOrganization },
  Organization,
  User,
};
