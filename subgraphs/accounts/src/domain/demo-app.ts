import { readScopeCatalog, type SeedContext } from '@mosaic/kit';
import { COMPOSED_SCOPES } from '../env';
import { apiScopesOf } from '../oauth/scopes';
import { registerDemoClient } from './oauth-clients';

/** The public OAuth app the README's authorization-code + PKCE commands use. */
export const DEMO_APP_CLIENT_ID = 'mosaic-demo-app';

/** Demo data for `pnpm start`: a public app (PKCE, no secret) that may ask for todos and notes. */
export async function seedDemoApp(seed: SeedContext): Promise<void> {
  await registerDemoClient(
    seed.db,
    DEMO_APP_CLIENT_ID,
    {
      name: 'Mosaic Demo App',
      redirectUris: ['http://localhost:8976/callback'],
      scopes: ['profile', 'todos:read', 'todos:write', 'notes:read'],
      grantTypes: ['authorization_code', 'refresh_token'],
      confidential: false,
    },
    apiScopesOf(readScopeCatalog(COMPOSED_SCOPES)),
    new Date(),
  );
  // The demo user lives in Berlin: todos' "today", "tomorrow at 9am" and repetitions follow that zone.
  await seed.graphql(`mutation { setTimeZone(timeZone: "Europe/Berlin") { id } }`, {}, 'user');
}
