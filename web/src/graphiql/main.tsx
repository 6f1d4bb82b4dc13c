import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { graphqlHttpUrl, graphqlWsUrl } from '../apollo/endpoints';

/**
 * GraphiQL, bundled (no CDN): works on a machine without internet. Queries and mutations go over
 * HTTP, subscriptions over graphql-ws; the access token put in the Headers tab as
 * `{ "Authorization": "Bearer …" }` is sent with both (in `connection_init` for the socket).
 */
let headers: Record<string, string> = {};
const wsClient = () =>
  createClient({
    url: graphqlWsUrl,
    lazy: true,
    connectionParams: () => {
      const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
      return authorization ? { authorization } : {};
    },
  });
let socket = wsClient();
let socketHeaders = '';
const fetcher: Fetcher = (params, options) => {
  headers = (options?.headers as Record<string, string> | undefined) ?? {};
  // A changed token needs a new socket: connection_init is sent once per socket.
  const key = JSON.stringify(headers);
  if (key !== socketHeaders) {
    void socket.dispose();
    socket = wsClient();
    socketHeaders = key;
  }
  return createGraphiQLFetcher({ url: graphqlHttpUrl, wsClient: socket })(params, options);
};

const defaultQuery = `# Mosaic API explorer (GraphiQL). Sign in, then put the token in Headers:
# { "Authorization": "Bearer <accessToken>" }
mutation SignIn {
  login(input: { email: "demo@mosaic.dev", password: "mosaic-sandbox-2026" }) {
    accessToken
    user { displayName }
  }
}

subscription Prices {
  quotes(symbols: ["ACME", "GLOBX"]) { symbol last changePercent }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} isHeadersEditorEnabled shouldPersistHeaders={false} />
  </StrictMode>,
);
