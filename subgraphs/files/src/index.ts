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
    // Deployed, files live in S3 (any S3-compatible endpoint: FILES_S3_ENDPOINT, FILES_S3_FORCE_PATH_STYLE, credentials or the SDK chain).
    env: { FILES_STORAGE: 's3' },
    secrets: { FILES_SIGNING_SECRET: 'openssl rand -base64 48', ATTACHMENT_TICKET_SECRET: 'openssl rand -base64 48 (the same value for files, chat and notes)', FILES_S3_BUCKET: 'the name of an existing bucket' },
    singleReplica: 'tus stages unfinished uploads on the pod (FILES_UPLOADS_DIR): more replicas need that directory on a shared volume, or sticky routing for /files/tus.',
  },
  // Consumes account.deleted and its own file.uploaded: admins see and replay their dead letters.
  deadLetterAdmin: true,
  seed: seedFiles,
  build: (deps, settings) => buildSubgraph(deps, settings),
});

export type { BuiltFiles } from './build';
export type { FilesSettings } from './env';
