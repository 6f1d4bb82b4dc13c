import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, CombinedGraphQLErrors } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client, type SubscribePayload } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import { refreshAccessToken, session } from '../auth/session';
import { graphqlHttpUrl, graphqlWsUrl } from './endpoints';
import { persistedExtensions, sendPersistedIds } from './persisted';
import { resumed } from './resume';

/** Persisted ids instead of documents (production): the gateway looks the document up. */
const persistedLink = new ApolloLink((operation, forward) => {
  const extensions = sendPersistedIds ? persistedExtensions(operation.operationName) : undefined;
  if (extensions) {
    Object.assign(operation.extensions, extensions);
    operation.setContext({ http: { includeQuery: false, includeExtensions: true } });
  }
  return forward(operation);
});

const authLink = new ApolloLink((operation, forward) => {
  const token = session.accessToken;
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }));
  return forward(operation);
});

/** An expired access token: refresh once and retry; a refresh that fails signs the viewer out. */
const refreshLink = new ErrorLink(({ error, operation, forward }) => {
  if (!CombinedGraphQLErrors.is(error) || !error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
  if (operation.getContext().retriedAfterRefresh || !session.accessToken) return;
  operation.setContext({ retriedAfterRefresh: true });
  return from(refreshAccessToken()).pipe(switchMap(() => forward(operation)));
});

/**
 * graphql-ws with the current access token in `connection_init`. A new token (refresh, sign-in,
 * sign-out) reconnects the socket so the gateway re-admits every subscription with it; graphql-ws
 * resubscribes by itself, with the variables `resume.ts` brings up to date. Persisted ids travel in
 * `extensions` with an empty document.
 */
function createSocketClient(): Client {
  let socket: WebSocket | null = null;
  const client = createClient({
    url: graphqlWsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => (session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {}),
    on: {
      connected: (connected) => (socket = connected as WebSocket),
      closed: () => (socket = null),
    },
  });
  session.onTokenChange(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.close(4205, 'Client re-authenticating');
  });
  return {
    ...client,
    subscribe(payload: SubscribePayload, sink) {
      const extensions = sendPersistedIds ? persistedExtensions(payload.operationName ?? undefined) : undefined;
      return client.subscribe(resumed(extensions ? { ...payload, query: '', extensions: { ...payload.extensions, ...extensions } } : payload), sink);
    },
  };
}

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: graphqlHttpUrl });
  const ws = new GraphQLWsLink(createSocketClient());
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    ws,
    http,
  );
  return new ApolloClient({
    link: ApolloLink.from([refreshLink, persistedLink, authLink, transport]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
