import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Interaction } from './Interaction';
import { recordInteraction } from './Mutation/recordInteraction';
import { retrainRecommendations } from './Mutation/retrainRecommendations';
import { Post } from './Post';
import { Product } from './Product';
import { recommendationModel } from './Query/recommendationModel';
import { trending } from './Query/trending';
import { Recommendation } from './Recommendation';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { trending, recommendationModel },
  Mutation: { recordInteraction, retrainRecommendations },
  RecommendedItem: { __resolveType: (item) => item.__typename },
  Recommendation,
  Interaction,
  Product,
  Post,
  User,
};
