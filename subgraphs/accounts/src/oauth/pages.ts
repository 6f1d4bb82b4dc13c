/**
 * The authorization server's pages: plain server-rendered HTML, no script, so they work in any
 * browser with JavaScript off. Every interpolated value goes through `escapeHtml`.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;width:min(26rem,90vw)}
h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #bbb;border-radius:6px;font-size:1rem}
button{margin-top:1.2rem;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#3355ff;color:#fff;font-size:1rem;cursor:pointer}
button.secondary{background:#e4e6eb;color:#222;margin-left:.5rem}.error{background:#fde8e8;color:#8a1c1c;padding:.6rem;border-radius:6px}
ul{padding-left:1.2rem}.muted{color:#666;font-size:.9rem}`;

export interface Page {
  title: string;
  body: string;
}

export function renderPage({ title, body }: Page): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · Mosaic</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const errorBlock = (error?: string) => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');
const hidden = (name: string, value: string) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

export function loginPage(options: {
  uid: string;
  csrf: string;
  clientName: string;
  email?: string;
  error?: string;
}): Page {
  return {
    title: 'Sign in',
    body: `<h1>Sign in to continue to ${escapeHtml(options.clientName)}</h1>${errorBlock(options.error)}
<form method="post" action="/interaction/${escapeHtml(options.uid)}/login">${hidden('csrf', options.csrf)}
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escapeHtml(options.uid)}/abort">${hidden('csrf', options.csrf)}<button class="secondary" type="submit">Cancel</button></form>`,
  };
}

export function codePage(options: { uid: string; csrf: string; challenge: string; error?: string }): Page {
  return {
    title: 'Two-factor authentication',
    body: `<h1>Enter your code</h1>${errorBlock(options.error)}
<p>Open your authenticator app and enter the 6-digit code for Mosaic, or one of your recovery codes.</p>
<form method="post" action="/interaction/${escapeHtml(options.uid)}/code">${hidden('csrf', options.csrf)}${hidden('challenge', options.challenge)}
<label for="code">Code</label><input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit">Verify</button></form>`,
  };
}

export function consentPage(options: {
  uid: string;
  csrf: string;
  clientName: string;
  userName: string;
  granted: readonly { scope: string; description: string }[];
  withheld: readonly string[];
}): Page {
  const items = options.granted.map((s) => `<li><strong>${escapeHtml(s.description)}</strong> <span class="muted">(${escapeHtml(s.scope)})</span></li>`).join('');
  const withheld = options.withheld.length
    ? `<p class="muted">Not granted (your account does not have it): ${options.withheld.map(escapeHtml).join(', ')}</p>`
    : '';
  return {
    title: 'Authorize',
    body: `<h1>${escapeHtml(options.clientName)} wants to access your Mosaic account</h1>
<p>Signed in as <strong>${escapeHtml(options.userName)}</strong>. If you allow it, the app can:</p><ul>${items}</ul>${withheld}
<p class="muted">You can take this back at any time (revokeAppAuthorization).</p>
<form method="post" action="/interaction/${escapeHtml(options.uid)}/consent">${hidden('csrf', options.csrf)}<button type="submit">Allow</button></form>
<form method="post" action="/interaction/${escapeHtml(options.uid)}/abort">${hidden('csrf', options.csrf)}<button class="secondary" type="submit">Deny</button></form>`,
  };
}

export function errorPage(title: string, message: string): Page {
  return { title, body: `<h1>${escapeHtml(title)}</h1>${errorBlock(message)}` };
}
