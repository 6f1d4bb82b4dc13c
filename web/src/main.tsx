import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './apollo/client';
import { restoreSession, session } from './auth/session';
import { App } from './app/App';
import './app/styles.css';

const client = createApolloClient();
// Another person's data must not outlive their session in the cache.
let signedInAs: string | null = null;
session.subscribe(() => {
  const now = session.state.status === 'signed-in' ? session.state.viewer.id : null;
  if (now !== signedInAs) void client.clearStore();
  signedInAs = now;
});
restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter basename="/app">
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
