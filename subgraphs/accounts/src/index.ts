import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph, JWKS_PATH } from './build';
import { demoSession } from './domain/demo-accounts';
import { seedDemoApp } from './domain/demo-app';
import { accountsEnv } from './env';
import { INTERACTION_PATH, OAUTH_MOUNT } from './oauth/oauth-path';
import { SESSION_COOKIE_PATH } from './http/session-cookie';

export default defineSubgraph(import.meta.url, {
  scopes: {
    profile: { description: 'See your name, email and roles.', roles: ['user'] },
    'users:read': { description: 'List every user (administrators).', roles: ['admin'] },
    'users:write': { description: "Change users' roles (administrators).", roles: ['admin'] },
  },
  settings: accountsEnv,
  deployment: {
    secrets: {
      ACCOUNTS_SIGNING_KEYS: 'pnpm keys:generate prints one',
      ACCOUNTS_FIELD_KEYS: 'pnpm keys:generate-field prints one',
      SMTP_URL: 'smtp://user:password@mail.example.com:587, for sign-up codes and password resets',
    },
    jwksPath: JWKS_PATH,
    // The authorization server and its login/consent pages, and the web app's session cookie, are public (build.ts's publicHttp).
    publicPaths: [OAUTH_MOUNT, INTERACTION_PATH, SESSION_COOKIE_PATH],
    // Browsers reach them through the ingress (one proxy); nothing else reaches accounts.
    env: { OAUTH_TRUST_PROXY_HOPS: '1' },
  },
  // Consumes tenancy's membership.changed: admins see and replay its dead letters.
  deadLetterAdmin: true,
  seed: seedDemoApp,
  demoSession,
  build: buildSubgraph,
});

export { grantRole } from './domain/demo-accounts';
export { totpCodeAt } from './domain/two-factor/totp';
