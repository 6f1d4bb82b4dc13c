import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { File } from './File';
import { createFile } from './Mutation/createFile';
import { file } from './Query/file';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { file },
  Mutation: { createFile },
  File,
  User,
};
