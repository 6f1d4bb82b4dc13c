import { createLogger, createTokenVerifier, runSubgraphService } from '@mosaic/kit';
import { env } from './env';
import { notes } from './index';

const config = env();
const log = createLogger('notes');
// Tokens are verified against accounts' published JWKS (fetched once, cached, refreshed on an unknown kid).
const verifier = createTokenVerifier(config.auth);
await runSubgraphService({ module: notes, config, log, verifier, extra: {} });
