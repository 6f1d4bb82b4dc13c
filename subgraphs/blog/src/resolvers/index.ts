import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Post } from './Post';
import { createPost } from './Mutation/createPost';
import { post } from './Query/post';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { post },
  Mutation: { createPost },
  Post,
  User,
};
