// First: it reshapes a dependency's exports before @apollo/gateway loads it (see the file).
import './fetch/federation-fast-paths';
export { createGateway, type Gateway, type GatewayOptions } from './build-gateway';
export { guardedNonNullFields, supergraphForGateway, subgraphEndpoints, UnsupportedSupergraphError, type SubgraphEndpoint } from './supergraph';
export type { GatewayContext } from './context';
export { cachingEnv, internalEnv, meteringEnv, securityEnv, type MeteringEnv, type SecurityConfig } from './env';
export type { CachingOptions } from './cache/gateway-caches';
export type { MeteringConfig } from './metering';
export { securityOptions } from './http/security-options';
export { loadTrustedDocuments, type TrustedDocuments, type TrustedDocumentsMode } from './http/trusted-documents';
export { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './http/rate-limiter';
