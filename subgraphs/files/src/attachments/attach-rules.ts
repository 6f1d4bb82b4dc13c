import { UserInputError } from '@mosaic/kit';
import type { FileOwnerRow } from './file-owners';

export class AttachmentRefusedError extends UserInputError {
  constructor(message: string, field: string, reason: 'NOT_YOUR_FILE' | 'TOO_MANY_ATTACHMENTS' | 'DUPLICATE_ATTACHMENT') {
    super(message, field);
    this.extensions.reason = reason;
  }
}

/**
 * Checks that every id is a file `ownerId` owns, once, and that there are at most `max`.
 * Someone else's file and an unknown id get the same answer (files never confirms that someone
 * else's file exists). `encode` turns a raw id back into the id the caller sent, for the message.
 */
export function assertOwnFiles(owners: readonly FileOwnerRow[], fileIds: readonly string[], ownerId: string, options: { max: number; field: string; encode: (rawId: string) => string }): void {
  if (fileIds.length > options.max) throw new AttachmentRefusedError(`${options.field}: at most ${options.max} attachments; ${fileIds.length} were given.`, options.field, 'TOO_MANY_ATTACHMENTS');
  const seen = new Set<string>();
  fileIds.forEach((fileId, index) => {
    if (seen.has(fileId)) throw new AttachmentRefusedError(`${options.field}[${index}]: ${options.encode(fileId)} is listed twice.`, options.field, 'DUPLICATE_ATTACHMENT');
    seen.add(fileId);
    const owner = owners.find((row) => row.fileId === fileId);
    if (!owner || owner.ownerId !== ownerId) {
      throw new AttachmentRefusedError(
        `${options.field}[${index}]: ${options.encode(fileId)} is not one of your files (only your own uploads can be attached; a file uploaded a moment ago may take a second to be known here).`,
        options.field,
        'NOT_YOUR_FILE',
      );
    }
  });
}
