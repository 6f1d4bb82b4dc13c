import type { RecommendationResolvers } from '../resolvers.generated';
import { itemReference } from './items';

export const Recommendation: RecommendationResolvers = {
  item: (suggestion) => itemReference(suggestion.kind, suggestion.id),
};
