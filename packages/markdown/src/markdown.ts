import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → safe HTML, in two independent steps so that neither alone must be perfect:
 * markdown-it renders (its `validateLink` already refuses `javascript:`, `vbscript:` and most
 * `data:` links), then sanitize-html keeps only an allowlist of elements, attributes and URL
 * schemes — no `<script>`, `<style>`, `<iframe>`, no `on*` handlers, no `style`, no
 * `javascript:` URLs however they are spelled or encoded.
 *
 * Documents (blog posts, notes) may contain raw HTML (authors embed figures and tables, as in
 * Ghost); it passes the same sanitiser. Comments may not: their raw HTML is shown as text, and
 * their links get `rel="nofollow ugc"` so the site does not vouch for what readers link to.
 */
const documentRenderer = new MarkdownIt({ html: true, linkify: true, typographer: true });
const commentRenderer = new MarkdownIt({ html: false, linkify: true, typographer: true });

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

const DOCUMENT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'figure',
    'figcaption',
    'del',
    'ins',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    code: ['class'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Dropped with their content: what is inside a <script> or <style> is never text for readers.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

const COMMENT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: SAFE_SCHEMES,
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener noreferrer' } }),
  },
};

export interface DocumentRenderOptions {
  /**
   * Rewrites each image's source before the sanitiser checks it, for markdown images and raw
   * `<img>` alike: e.g. a private scheme (`attachment:<id>`) into a short-lived signed URL. The
   * result still passes the policy (http/https only); null drops the source (the alt text stays).
   */
  rewriteImageSource?: (src: string) => string | null;
}

/** A document's markdown (raw HTML allowed) as HTML safe to insert into a page. */
export function renderDocumentMarkdown(markdown: string, options: DocumentRenderOptions = {}): string {
  const rewrite = options.rewriteImageSource;
  if (!rewrite) return sanitizeHtml(documentRenderer.render(markdown), DOCUMENT_POLICY);
  return sanitizeHtml(documentRenderer.render(markdown), {
    ...DOCUMENT_POLICY,
    transformTags: {
      ...DOCUMENT_POLICY.transformTags,
      img: (tagName, attribs) => {
        const { src, ...rest } = attribs;
        const rewritten = src === undefined ? null : rewrite(src);
        return { tagName, attribs: rewritten === null ? rest : { ...rest, src: rewritten } };
      },
    },
  });
}

/** A reader's comment: no raw HTML, links marked nofollow. */
export const renderCommentMarkdown = (markdown: string): string => sanitizeHtml(commentRenderer.render(markdown), COMMENT_POLICY);

/** The text a reader sees, without markup: for excerpts, reading time and feeds' summaries. */
export const plainTextOf = (html: string): string =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
