/**
 * The paths the gateway's HTTP server answers itself. A subgraph's public paths never shadow them
 * (exact routes win over the fallback), and a subgraph that lets users choose paths — short-link
 * aliases — refuses these names.
 */
export const GATEWAY_PATHS = ['/', '/graphql', '/healthz', '/readyz', '/app', '/graphiql'] as const;

/** Of those, the ones that are prefixes (everything under them is the gateway's too). */
export const GATEWAY_PREFIXES: readonly string[] = ['/graphql', '/app'];
