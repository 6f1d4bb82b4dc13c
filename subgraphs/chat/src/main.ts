import { createLogger, createTokenVerifier, runSubgraphService } from '@mosaic/kit';
import { env } from './env';
import { chat } from './index';

const config = env();
const log = createLogger('chat');
// Tokens are verified against accounts' published JWKS (fetched once, cached, refreshed on an unknown kid).
const verifier = createTokenVerifier(config.auth);
// REDIS_URL set → live events go through Redis, so any replica can serve any subscriber.
await runSubgraphService({ module: chat, config, log, verifier, extra: {} });
