import type { PostRow } from '../data/tables';
import type { BlogSettings } from '../env';
import { FEED_PATHS } from './paths';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A published post as a plain HTML page (what feed readers link to). The body is the HTML
 * sanitised at save time; everything else is escaped here. A strict Content-Security-Policy
 * (no scripts at all) is sent with it as a second line of defence.
 */
export function postPage(settings: BlogSettings, post: PostRow): string {
  const cover = post.coverImageUrl ? `<img src="${escapeHtml(post.coverImageUrl)}" alt="" style="max-width:100%">` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(post.title)} · ${escapeHtml(settings.title)}</title>
<meta name="description" content="${escapeHtml(post.excerpt)}">
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(settings.title)}" href="${FEED_PATHS.rss}">
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(settings.title)}" href="${FEED_PATHS.atom}">
</head><body style="max-width:42rem;margin:2rem auto;font-family:system-ui,sans-serif;line-height:1.6;padding:0 1rem">
<article>${cover}<h1>${escapeHtml(post.title)}</h1>
<p><time datetime="${post.publishedAt!.toISOString()}">${post.publishedAt!.toISOString().slice(0, 10)}</time> · ${post.readingMinutes} min read${post.tags.length ? ` · ${post.tags.map(escapeHtml).join(', ')}` : ''}</p>
${post.bodyHtml}
</article></body></html>
`;
}
