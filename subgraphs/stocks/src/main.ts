import { createLogger, createTokenVerifier, runSubgraphService } from '@mosaic/kit';
import { env } from './env';
import { stocks } from './index';

const config = env();
const log = createLogger('stocks');
// Tokens are verified against accounts' published JWKS (fetched once, cached, refreshed on an unknown kid).
const verifier = createTokenVerifier(config.auth);
await runSubgraphService({ module: stocks, config, log, verifier, extra: { settings: config.stocks } });
