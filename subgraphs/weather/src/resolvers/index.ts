import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { SavedLocation } from './SavedLocation';
import { createSavedLocation } from './Mutation/createSavedLocation';
import { savedLocation } from './Query/savedLocation';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { savedLocation },
  Mutation: { createSavedLocation },
  SavedLocation,
  User,
};
