import { describe, expect, it } from 'vitest';
import { renderCommentMarkdown, renderDocumentMarkdown } from '../src/markdown';

/** Attacks from the OWASP XSS filter evasion cheat sheet that survive naive markdown renderers. */
const attacks = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="java\tscript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](  javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<div onmouseover="alert(1)">hover</div>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<body onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
];

/**
 * Unsafe when a real tag (not escaped text: `&lt;script&gt;` is harmless) is a dangerous element,
 * carries an event handler or style, or a URL attribute with a scheme other than http(s)/mailto (relative URLs are harmless).
 */
const unsafe = (html: string) =>
  (html.match(/<[^>]+>/g) ?? []).some((tag) => {
    if (/^<\/?(script|style|iframe|svg|math|form|object|embed|body)\b/i.test(tag)) return true;
    if (/\s(on\w+|style)\s*=/i.test(tag)) return true;
    return [...tag.matchAll(/\s(?:href|src|action)\s*=\s*"([^"]*)"/gi)].some(([, url]) => /^\s*[a-z][a-z0-9+.-]*:/i.test(url!) && !/^(https?:|mailto:)/i.test(url!));
  });

describe('markdown rendering', () => {
  for (const attack of attacks) {
    it(`neutralises ${attack}`, () => {
      expect(unsafe(renderDocumentMarkdown(attack))).toBe(false);
      expect(unsafe(renderCommentMarkdown(attack))).toBe(false);
    });
  }

  it('keeps ordinary markdown: headings, emphasis, lists, code, links and images', () => {
    const html = renderDocumentMarkdown('# Title\n\nSome *em* and **strong**, [a link](https://example.com).\n\n- one\n- two\n\n```ts\nconst x = 1;\n```\n\n![cat](https://example.com/cat.png)');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">a link</a>');
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<img src="https://example.com/cat.png" alt="cat" />');
  });

  it('shows raw HTML in comments as text, and marks their links nofollow', () => {
    expect(renderCommentMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>\n');
    expect(renderCommentMarkdown('see https://example.com')).toContain('rel="nofollow ugc noopener noreferrer"');
  });

  it('allows safe raw HTML in documents', () => {
    expect(renderDocumentMarkdown('<figure><img src="https://example.com/a.png" alt="a"><figcaption>A</figcaption></figure>')).toContain('<figcaption>A</figcaption>');
  });
});


describe('rewriteImageSource', () => {
  const rewrite = (src: string) => (src.startsWith('attachment:') ? `https://files.example/t/${src.slice('attachment:'.length)}` : src);

  it('rewrites markdown images and raw <img> alike, before the sanitiser checks the scheme', () => {
    const html = renderDocumentMarkdown('![chart](attachment:abc123)\n\n<img src="attachment:def" alt="raw">', { rewriteImageSource: rewrite });
    expect(html).toContain('<img alt="chart" src="https://files.example/t/abc123" />');
    expect(html).toContain('<img alt="raw" src="https://files.example/t/def" />');
  });

  it('drops a source the hook refuses, and still refuses unsafe schemes it returns', () => {
    const html = renderDocumentMarkdown('![gone](attachment:unknown) ![bad](attachment:js)', {
      rewriteImageSource: (src) => (src === 'attachment:js' ? 'javascript:alert(1)' : null),
    });
    expect(html).toContain('<img alt="gone" />');
    expect(html).not.toContain('javascript');
  });

  it('without the hook, an attachment: image has no source (not an allowed scheme)', () => {
    expect(renderDocumentMarkdown('![x](attachment:abc)')).toContain('<img alt="x" />');
  });
});
