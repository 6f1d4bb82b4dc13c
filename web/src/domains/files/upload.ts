import { refreshAccessToken, session } from '../../auth/session';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A refusal from the upload endpoint (`{ error, message }`), in its words. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * `POST /files/upload?name=…` with the raw bytes (files' simple upload; the type is sniffed by the
 * server). XMLHttpRequest rather than fetch, because only it reports upload progress. An expired
 * access token is refreshed once and the upload retried.
 */
export async function uploadFile(file: File, onProgress: (progress: UploadProgress) => void): Promise<{ id: string }> {
  try {
    return await send(file, onProgress);
  } catch (error) {
    if (!(error instanceof UploadError) || error.code !== 'UNAUTHENTICATED' || !(await refreshAccessToken())) throw error;
    return send(file, onProgress);
  }
}

function send(file: File, onProgress: (progress: UploadProgress) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', new URL(`/files/upload?name=${encodeURIComponent(file.name)}`, window.location.href));
    if (session.accessToken) request.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    request.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onerror = () => reject(new UploadError('The upload did not reach the server. Check your connection and try again.', 'NETWORK'));
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status >= 200 && request.status < 300 && typeof body?.id === 'string') return resolve({ id: body.id });
      reject(new UploadError(typeof body?.message === 'string' ? body.message : `The upload was refused (${request.status}).`, typeof body?.error === 'string' ? body.error : String(request.status)));
    };
    request.send(file);
  });
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
