import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { filesEnv } from './env';
import { seedFiles } from './seed';

export default defineSubgraph(import.meta.url, {
  scopes: {
    'files:read': { description: 'See your files and the files shared with you, and download them.', roles: ['user'] },
    'files:write': { description: 'Upload, share and delete your files.', roles: ['user'] },
  },
  settings: filesEnv,
  deployment: {
    // Uploads (simple and tus), signed downloads and public links, beside short links' `/<code>`.
    publicPaths: ['/files'],
    secrets: { FILES_SIGNING_SECRET: 'openssl rand -base64 48' },
  },
  // Consumes account.deleted and its own file.uploaded: admins see and replay their dead letters.
  deadLetterAdmin: true,
  seed: seedFiles,
  build: (deps, settings) => buildSubgraph(deps, settings),
});

export type { BuiltFiles } from './build';
export type { FilesSettings } from './env';
