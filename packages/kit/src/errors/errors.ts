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
  /** The gateway's demand control: the operation's estimated cost (`extensions.cost`) is over the per-operation limit. */
  'OPERATION_TOO_EXPENSIVE',
  /** Sign-up waits for the code mailed to the address (`extensions.verification` for `confirmSignUp`). */
  'EMAIL_VERIFICATION_REQUIRED',
  /** Sign-in needs a second step: a code for the challenge in `extensions.challenge` (`completeLogin`). */
  'SECOND_FACTOR_REQUIRED',
  /** The user must prove a second factor again (`stepUp`) before this; see `maxAgeSeconds`. */
  'STEP_UP_REQUIRED',
  /** A plan's quota is used up (`extensions.quota`, `limit`, `plan`); a bigger plan lifts it. */
  'QUOTA_EXCEEDED',
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

/** A plan's quota would be exceeded; the message names the plan and the limit so the user can upgrade. */
export class QuotaExceededError extends AppError {
  readonly code = 'QUOTA_EXCEEDED';
  constructor(message: string, extensions: { quota: string; limit: number; plan: string }) {
    super(message, extensions, 'QUOTA_EXCEEDED');
  }
}

/** Something Mosaic depends on (another service, an external provider) cannot answer now; retrying later may succeed. */
export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, extensions, 'UNAVAILABLE');
  }
}

/**
 * The caller is signed in but has not proved a second factor recently enough for this operation.
 * A client answers by asking for a code and calling `stepUp`, then retries with the new token.
 */
export class StepUpRequiredError extends AppError {
  readonly code = 'STEP_UP_REQUIRED';
  constructor(maxAgeSeconds: number, message = `Confirm it is you: enter a code from your authenticator app (the stepUp mutation), then try again. This needs a second factor proved within the last ${Math.round(maxAgeSeconds / 60) || 1} minute(s).`) {
    super(message, { maxAgeSeconds }, 'STEP_UP_REQUIRED');
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
