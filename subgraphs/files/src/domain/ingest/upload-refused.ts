/** Why an upload was refused: a stable code for clients, an HTTP status, a message a user can act on. */
export type UploadRefusal =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'FILE_TOO_LARGE'
  | 'QUOTA_EXCEEDED'
  | 'UNSUPPORTED_TYPE'
  | 'TYPE_MISMATCH'
  | 'BAD_FILE_NAME'
  | 'LENGTH_REQUIRED'
  | 'INCOMPLETE_UPLOAD'
  | 'EMPTY_FILE';

const STATUS: Record<UploadRefusal, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FILE_TOO_LARGE: 413,
  QUOTA_EXCEEDED: 413,
  UNSUPPORTED_TYPE: 415,
  TYPE_MISMATCH: 415,
  BAD_FILE_NAME: 400,
  LENGTH_REQUIRED: 411,
  INCOMPLETE_UPLOAD: 400,
  EMPTY_FILE: 400,
};

/** Thrown by the ingest pipeline before anything is kept; the HTTP and GraphQL edges map it. */
export class UploadRefusedError extends Error {
  readonly status: number;
  constructor(
    readonly code: UploadRefusal,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'UploadRefusedError';
    this.status = STATUS[code];
  }

  toJSON() {
    return { error: this.code, message: this.message, ...this.details };
  }
}
