import { AppError, type TokenVerifier, type Viewer } from '@mosaic/kit';
import { UploadRefusedError } from '../domain/ingest/upload-refused';

/**
 * The viewer behind `Authorization: Bearer <access token>` on an upload, as every subgraph
 * verifies it; uploading needs the `files:write` scope.
 */
export async function uploader(verifier: TokenVerifier, authorization: string | null | undefined): Promise<Viewer> {
  let viewer: Viewer | null;
  try {
    viewer = await verifier.viewerFromHeader(authorization);
  } catch (error) {
    if (error instanceof AppError) throw new UploadRefusedError('UNAUTHENTICATED', error.message);
    throw error;
  }
  if (!viewer) throw new UploadRefusedError('UNAUTHENTICATED', 'Sign in to upload: send "Authorization: Bearer <access token>".');
  if (!viewer.scopes.has('files:write')) throw new UploadRefusedError('FORBIDDEN', 'This token may not upload files (it lacks the files:write scope).', { requiredScopes: ['files:write'] });
  return viewer;
}
