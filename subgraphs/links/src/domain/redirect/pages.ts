import type { ServerResponse } from 'node:http';
import type { LinkState } from '../link-state';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Pages carry no scripts and load nothing: a visitor's browser runs nothing of ours. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}
input,button{font:inherit;padding:.4rem .6rem}.error{color:#b00020}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>
`;
}

export function sendPage(res: ServerResponse, status: number, title: string, body: string, method: string | undefined, extraHeaders: Record<string, string> = {}): void {
  const html = page(title, body);
  res.writeHead(status, { ...HEADERS, ...extraHeaders, 'content-length': Buffer.byteLength(html) });
  res.end(method === 'HEAD' ? undefined : html);
}

export const notFoundPage = (res: ServerResponse, method: string | undefined) =>
  sendPage(res, 404, 'Link not found', '<p>There is no short link at this address. Check it for typos, or ask whoever shared it.</p>', method);

const GONE: Record<Exclude<LinkState, 'ACTIVE'>, string> = {
  EXPIRED: 'This short link has expired.',
  EXHAUSTED: 'This short link has reached the number of visits it allows.',
  DISABLED: 'This short link has been disabled by its owner.',
};

export const gonePage = (res: ServerResponse, state: Exclude<LinkState, 'ACTIVE'>, method: string | undefined) =>
  sendPage(res, 410, 'Link no longer available', `<p>${GONE[state]}</p>`, method);

export function passwordPage(res: ServerResponse, method: string | undefined, problem?: { status: number; message: string }): void {
  const error = problem ? `<p class="error" role="alert">${escapeHtml(problem.message)}</p>` : '';
  sendPage(
    res,
    problem?.status ?? 200,
    'This link is protected',
    `<p>Enter the password you were given to continue.</p>${error}
<form method="post"><label>Password <input type="password" name="password" autocomplete="current-password" required autofocus></label>
<button type="submit">Continue</button></form>`,
    method,
  );
}
