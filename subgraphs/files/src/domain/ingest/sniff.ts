import { fileTypeFromBuffer, supportedExtensions } from 'file-type';
import { extensionOf } from './file-name';
import { UploadRefusedError } from './upload-refused';

/** Bytes of the head that content sniffing looks at (file-type reads at most this many for most formats). */
export const SNIFF_BYTES = 4100;

/** Extensions of plain-text formats, which have no signature: the content must read as text. */
const TEXT_TYPES: Readonly<Record<string, string>> = { txt: 'text/plain', text: 'text/plain', md: 'text/markdown', log: 'text/plain', csv: 'text/csv', tsv: 'text/tab-separated-values', json: 'application/json' };

/** Extensions that name the same format as the one file-type reports. */
const SAME_FORMAT: Readonly<Record<string, string>> = { jpeg: 'jpg', jpe: 'jpg', tif: 'tiff', htm: 'html', m4a: 'm4a', mpeg: 'mpg' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** No NUL and valid UTF-8 (a character cut off at the end of the head is fine). */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      utf8.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try without a partial trailing character
    }
  }
  return false;
}

/**
 * The file's type from its content — never from the client's Content-Type — checked against the
 * allow-list and against the name's extension: a `.png` that is really a PDF, or a `.txt` that is
 * really an executable, is refused.
 */
export async function sniffContentType(head: Buffer, name: string, allowed: ReadonlySet<string>): Promise<string> {
  const extension = extensionOf(name);
  const detected = await fileTypeFromBuffer(head);
  let contentType: string;
  if (detected) {
    const claimed = extension ? (SAME_FORMAT[extension] ?? extension) : null;
    const claimsKnownFormat = claimed !== null && (supportedExtensions.has(claimed as never) || claimed in TEXT_TYPES);
    if (claimsKnownFormat && claimed !== detected.ext) {
      throw new UploadRefusedError('TYPE_MISMATCH', `The name says .${extension} but the content is ${detected.mime}. Rename the file to .${detected.ext} or upload the right file.`, { detected: detected.mime });
    }
    contentType = detected.mime;
  } else if (looksLikeText(head)) {
    if (extension && supportedExtensions.has((SAME_FORMAT[extension] ?? extension) as never) && !(extension in TEXT_TYPES)) {
      throw new UploadRefusedError('TYPE_MISMATCH', `The name says .${extension} but the content is plain text. Rename the file or upload the right file.`, { detected: 'text/plain' });
    }
    contentType = (extension && TEXT_TYPES[extension]) || 'text/plain';
  } else {
    contentType = 'application/octet-stream';
  }
  if (!allowed.has(contentType) && !(contentType.startsWith('text/') && allowed.has('text/plain') && contentType !== 'text/html')) {
    throw new UploadRefusedError('UNSUPPORTED_TYPE', `Files of type ${contentType} cannot be uploaded here. Allowed: ${[...allowed].join(', ')}.`, { detected: contentType });
  }
  return contentType;
}
