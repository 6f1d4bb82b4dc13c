import { UploadRefusedError } from './upload-refused';

const MAX_NAME_LENGTH = 200;

/**
 * A client's file name made harmless: only its last path segment (both separators), no control or
 * bidi-override characters, no leading dots (no hidden files, no `..`), trimmed, at most 200
 * characters with the extension kept. Names are only ever shown and offered on download — storage
 * keys are ids — but a name that reaches a user's disk on download must not become a path.
 */
export function neutraliseFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^[.\s]+/, '').trim();
  if (!cleaned) throw new UploadRefusedError('BAD_FILE_NAME', 'Give the file a name (letters or digits, not only dots or slashes).');
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** The lower-case extension without its dot, or null. */
export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null;
}
