import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type OperationDefinitionNode } from 'graphql';
import { graphqlHttpUrl } from '../apollo/endpoints';
import { persistedExtensions, sendPersistedIds } from '../apollo/persisted';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL error a person can act on (the message is the server's). */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * One operation over plain HTTP, outside Apollo Client: the session's own calls (sign-in, refresh,
 * sign-out) must not pass through the link that refreshes tokens.
 */
export async function graphqlRequest<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, accessToken?: string): Promise<Result> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const operationName = operation?.name?.value;
  const extensions = sendPersistedIds ? persistedExtensions(operationName) : undefined;
  const body = extensions ? { operationName, variables, extensions } : { operationName, variables, query: print(document) };
  let response: Response;
  try {
    response = await fetch(graphqlHttpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new RequestError('The server cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  const json = (await response.json().catch(() => null)) as { data?: Result | null; errors?: GraphQLErrorShape[] } | null;
  const first = json?.errors?.[0];
  if (first) throw new RequestError(first.message, first.extensions?.code, first.extensions ?? {});
  if (!json?.data) throw new RequestError(`The server answered ${response.status} without data.`, 'BAD_RESPONSE');
  return json.data;
}
