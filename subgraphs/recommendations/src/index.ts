import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { recommendationsEnv } from './env';
import { seedRecommendations } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'recommendations:read': { description: 'See what Mosaic recommends to you and the behaviour it learned from.', roles: ['user'] },
    'recommendations:write': { description: 'Record what you view, like, rate and buy, to improve your recommendations.', roles: ['user'] },
    'recommendations:admin': { description: 'See the recommendation model in service and retrain it (administrators).', roles: ['admin'] },
  },
  settings: recommendationsEnv,
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedRecommendations,
  build: buildSubgraph,
});
