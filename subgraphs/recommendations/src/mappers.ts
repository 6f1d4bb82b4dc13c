import type { Connection, UserReference } from '@mosaic/kit';
import type { InteractionRow } from './data/tables';
import type { ModelStatus } from './domain/model-admin';
import type { Suggestion } from './domain/recommend';

export type UserMapper = UserReference;
export type InteractionMapper = InteractionRow;
export type InteractionConnectionMapper = Connection<InteractionRow>;
export type RecommendationMapper = Suggestion;
export type RecommendationModelMapper = ModelStatus;
/** Items are entities owned elsewhere: here they are their public id. */
export type ProductMapper = { __typename: 'Product'; id: string };
export type PostMapper = { __typename: 'Post'; id: string };
