import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { commerceEnv } from './env';
import { seedCommerce } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'commerce:orders': { description: 'See your orders.', roles: ['user'] },
    'commerce:checkout': { description: 'Place and pay orders.', roles: ['user'] },
    'commerce:catalog': { description: 'Manage the shop catalog, stock and promotions.', roles: ['admin', 'staff'] },
    'commerce:manage-orders': { description: "Manage every customer's orders: fulfilment, delivery, refunds.", roles: ['admin', 'staff'] },
  },
  settings: commerceEnv,
  deployment: {
    // Payment providers post webhooks here (Stripe: /commerce/webhooks/stripe, PayPal: /commerce/webhooks/paypal).
    publicPaths: ['/commerce/webhooks'],
  },
  // Consumes account.deleted: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedCommerce,
  build: buildSubgraph,
});
