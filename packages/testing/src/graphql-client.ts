import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: GraphQLFormattedError[];
  headers: Headers;
}

/** A real HTTP GraphQL request (fetch), as any client would send it. */
export async function graphql<D = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | undefined; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: D | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, headers: response.headers, ...body };
}

/** A GraphQL endpoint bound to a URL: `call(query, variables, token)`. */
export type GraphQLCaller = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<Record<string, any>>>;

/** The `extensions.code` of each error, for compact assertions. */
export const errorCodes = (response: { errors?: readonly GraphQLFormattedError[] | undefined }) =>
  (response.errors ?? []).map((error) => error.extensions?.code);
