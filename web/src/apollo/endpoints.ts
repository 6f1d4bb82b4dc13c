/** The graph's endpoint on this origin (the gateway serves the app; Vite's dev server forwards to it). */
export const graphqlHttpUrl = new URL('/graphql', window.location.href).href;
export const graphqlWsUrl = graphqlHttpUrl.replace(/^http/, 'ws');
