import { createHmac, timingSafeEqual } from 'node:crypto';

export type Disposition = 'inline' | 'attachment';
export type Variant = 'original' | 'thumbnail';

/** What a download URL grants: one variant of one file, shown or saved, until `expiresAt` (seconds). */
export interface DownloadGrant {
  fileId: string;
  variant: Variant;
  disposition: Disposition;
  expiresAt: number;
}

export type GrantCheck = { ok: true; grant: DownloadGrant } | { ok: false; reason: 'SIGNATURE_INVALID' | 'URL_EXPIRED' };

const encode = (grant: DownloadGrant) =>
  Buffer.from(JSON.stringify([grant.fileId, grant.variant === 'thumbnail' ? 't' : 'o', grant.disposition === 'inline' ? 'i' : 'a', grant.expiresAt])).toString('base64url');

/**
 * Download URLs are `<FILES_PUBLIC_URL>/files/d/<payload>.<signature>`: the payload names the grant,
 * the signature is HMAC-SHA256 over it with FILES_SIGNING_SECRET. Anyone holding the URL may
 * download until it expires — so URLs are short-lived, and handed out only after an access check.
 */
export class UrlSigner {
  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
  ) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`files-download:${payload}`).digest('base64url');
  }

  token(grant: DownloadGrant): string {
    const payload = encode(grant);
    return `${payload}.${this.sign(payload)}`;
  }

  url(grant: DownloadGrant): string {
    return `${this.publicUrl}/files/d/${this.token(grant)}`;
  }

  /** The grant of a token, if its signature holds and it has not expired at `now`. */
  check(token: string, now: Date): GrantCheck {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'SIGNATURE_INVALID' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'SIGNATURE_INVALID' };
    let fields: unknown;
    try {
      fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'SIGNATURE_INVALID' };
    }
    if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, reason: 'SIGNATURE_INVALID' };
    const [fileId, variant, disposition, expiresAt] = fields as [unknown, unknown, unknown, unknown];
    if (typeof fileId !== 'string' || typeof expiresAt !== 'number') return { ok: false, reason: 'SIGNATURE_INVALID' };
    if (expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'URL_EXPIRED' };
    return { ok: true, grant: { fileId, variant: variant === 't' ? 'thumbnail' : 'original', disposition: disposition === 'i' ? 'inline' : 'attachment', expiresAt } };
  }
}
