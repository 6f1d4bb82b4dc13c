import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logger';
import { AppError, ERROR_CODES } from './errors';

/**
 * Codes whose messages are written for clients: ours (a gateway sees them in subgraph responses,
 * already formatted there) and the request errors graphql-js / Apollo Server produce themselves.
 */
const PASSTHROUGH_CODES = new Set<string>([
  ...ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorFormatterOptions {
  /**
   * Development only: unexpected errors keep their message (with `extensions.code`) so a developer
   * sees what went wrong — a planner error, a value the schema cannot represent. Masked otherwise.
   */
  revealUnexpected?: boolean;
}

/**
 * Apollo Server `formatError`: our own errors go out as they are; errors from graphql-js about the
 * request keep their message; anything unexpected (a driver error, a bug) is logged with its stack
 * and replaced by a generic message, so internals never reach a client (outside development).
 */
export function createErrorFormatter(log: Logger, options: ErrorFormatterOptions = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { ...formatted, extensions: { ...original.extensions, code: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASSTHROUGH_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: options.revealUnexpected ? formatted.message : 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: options.revealUnexpected && typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' },
    };
  };
}
