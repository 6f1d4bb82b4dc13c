import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The app is served under /app/ (the gateway's root belongs to short links, see README), the API
 * explorer at /graphiql; both share /app/assets/. In development Vite serves them and forwards
 * the API (HTTP and graphql-ws) to the graph at MOSAIC_GATEWAY (default: `pnpm start`'s).
 */
const gateway = process.env.MOSAIC_GATEWAY ?? 'http://localhost:4000';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { app: 'index.html', graphiql: 'graphiql.html' } },
  },
  // Only the app is served by Vite's dev server. GraphiQL's bundle (Monaco workers imported with
  // `?worker`, CommonJS language-service dependencies) does not go through Vite's dependency
  // pre-bundling; in development use the gateway's /graphiql (the production build of it).
  optimizeDeps: { entries: ['index.html'] },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: false },
      // Accounts' refresh-token cookie (httpOnly, Path=/auth/session): same origin as the app.
      '/auth/session': { target: gateway, changeOrigin: false },
      // Uploads (files' plain-HTTP endpoint) and signed downloads.
      '/files': { target: gateway, changeOrigin: false },
      // The one-click demo sign-in (served by `pnpm start`'s process only).
      '/app/demo.json': { target: gateway },
    },
  },
});
