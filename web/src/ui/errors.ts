import { CombinedGraphQLErrors } from '@apollo/client';

/** The `extensions.code` of a failed Apollo operation's first GraphQL error (undefined for network errors). */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first GraphQL error's `extensions` (e.g. banking's `reason`). */
export function errorExtensions(error: unknown): Record<string, unknown> {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.extensions ?? {}) : {};
}
