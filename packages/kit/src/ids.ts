import { UserInputError } from './errors/errors';

/**
 * Public IDs are opaque: base64url("<Type>:<uuid>"). Clients must not parse them; the type prefix
 * lets every subgraph reject an ID of the wrong kind (a Note id passed as a Todo id) with a clear
 * error instead of a silent "not found".
 */
export function encodeId(type: string, rawId: string): string {
  return Buffer.from(`${type}:${rawId}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeId(type: string, id: string, field = 'id'): string {
  const decoded = id.length <= 128 ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const raw = decoded.slice(separator + 1);
  if (separator < 0 || decoded.slice(0, separator) !== type || !UUID.test(raw)) {
    throw new UserInputError(`"${id.slice(0, 64)}" is not a valid ${type} ID.`, field);
  }
  return raw;
}
