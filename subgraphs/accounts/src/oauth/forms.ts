import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '@mosaic/kit';
import { renderPage, type Page } from './pages';

const FORM_LIMIT_BYTES = 16 * 1024;

export class BadFormError extends Error {}

/** An `application/x-www-form-urlencoded` body (what a plain HTML form posts). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) throw new BadFormError('Expected a form submission.');
  try {
    return new URLSearchParams(await readBody(req, FORM_LIMIT_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new BadFormError('This form is larger than any of these pages sends.');
    throw error;
  }
}

/**
 * CSRF protection for the interaction forms, on top of the interaction cookie being SameSite=Lax
 * and path-scoped: each form carries an HMAC of its interaction id under a server key, and a POST
 * whose Origin is another site is refused outright.
 */
export function csrfTokenFor(key: string, uid: string): string {
  return createHmac('sha256', key).update(`interaction-form:${uid}`).digest('base64url');
}

export function csrfValid(keys: readonly string[], uid: string, given: string | null, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && (!URL.canParse(origin) || new URL(origin).host !== req.headers.host)) return false;
  if (!given) return false;
  const presented = Buffer.from(given);
  return keys.some((key) => {
    const expected = Buffer.from(csrfTokenFor(key, uid));
    return expected.length === presented.length && timingSafeEqual(expected, presented);
  });
}

export function sendPage(res: ServerResponse, status: number, page: Page): void {
  const html = renderPage(page);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No scripts at all and no framing (clickjacking). No form-action: browsers apply it to the
    // redirect chain too, and a finished form must redirect to the app's own redirect URI.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}
