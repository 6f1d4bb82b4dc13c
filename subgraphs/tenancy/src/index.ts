import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { tenancyEnv } from './env';
import { seedTenancy } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'tenancy:read': { description: 'See your organizations, their members and plans.', roles: ['user'] },
    'tenancy:write': { description: 'Create organizations, invite and manage members, join by invitation.', roles: ['user'] },
  },
  settings: tenancyEnv,
  deployment: {
    secrets: { STRIPE_SECRET_KEY: 'from the Stripe dashboard (with BILLING_PROVIDER=stripe)', STRIPE_WEBHOOK_SECRET: "the webhook endpoint's signing secret (whsec_…)" },
    // Stripe posts its webhooks here (billing-http.ts).
    publicPaths: ['/billing'],
  },
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedTenancy,
  build: buildSubgraph,
});
