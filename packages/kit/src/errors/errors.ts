import { GraphQLError } from 'graphql';

/**
 * Every failure a client may see is one of these: a GraphQL error whose `extensions.code` is the
 * contract, and whose message tells the user what to do. Anything else is masked as
 * INTERNAL_SERVER_ERROR by `formatError` so that no stack trace or SQL leaks.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  /** A service behind the gateway could not be reached; retrying later may succeed. */
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, extensions: Record<string, unknown>, code: ErrorCode) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must be signed in to do this. Send a valid access token as "Authorization: Bearer <token>".') {
    super(message, {}, 'UNAUTHENTICATED');
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.', extensions: Record<string, unknown> = {}) {
    super(message, extensions, 'FORBIDDEN');
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id?: string) {
    super(id === undefined ? `${entity} not found.` : `${entity} "${id}" was not found.`, { entity }, 'NOT_FOUND');
  }
}

/** Invalid input. `field` names the argument path (e.g. "input.email") so forms can point at it. */
export class UserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, field?: string) {
    super(message, field === undefined ? {} : { field }, 'BAD_USER_INPUT');
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, extensions, 'CONFLICT');
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds }, 'RATE_LIMITED');
  }
}

/** A service this one depends on (an external provider, a peer) cannot answer now; retrying later may succeed. */
export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, extensions, 'UNAVAILABLE');
  }
}

/**
 * For errors thrown while building the request context (before execution): Apollo Server answers
 * with the status in `extensions.http` and removes that extension from the response.
 */
export const asHttpError = (status: number) => (error: unknown): never => {
  if (error instanceof GraphQLError) {
    throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
  }
  throw error;
};
