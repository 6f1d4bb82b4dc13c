import { createLogger, createTokenVerifier, runSubgraphService } from '@mosaic/kit';
import { env } from './env';
import { todos } from './index';

const config = env();
const log = createLogger('todos');
// Access tokens are verified against accounts' published key set (JWKS_URL), fetched and cached.
const verifier = createTokenVerifier(config.auth);
await runSubgraphService({ module: todos, config, log, verifier, extra: {} });
