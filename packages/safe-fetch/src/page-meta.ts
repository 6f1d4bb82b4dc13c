const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

const attribute = (tag: string, name: string) => new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);

/** One line of at most `max` characters (code points), entities decoded and control characters gone; null when empty. */
function oneLine(text: string | undefined, max: number): string | null {
  if (!text) return null;
  const clean = decodeEntities(text)
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  return clean ? [...clean].slice(0, max).join('') : null;
}

export interface PageMeta {
  /** `og:title`, else `<title>`. */
  title: string | null;
  /** `og:description`, else `<meta name="description">`. */
  description: string | null;
  siteName: string | null;
  /** `og:image` as written (relative or absolute; resolve it against the page's URL). */
  image: string | null;
}

/** What a page says about itself for a preview (Open Graph first, then plain HTML), each value one line of at most `max` characters. */
export function pageMeta(html: string, max: number): PageMeta {
  const meta = new Map<string, string>();
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = (attribute(tag, 'property') ?? attribute(tag, 'name') ?? '').toLowerCase();
    const content = attribute(tag, 'content');
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return {
    title: oneLine(meta.get('og:title') ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1], max),
    description: oneLine(meta.get('og:description') ?? meta.get('description'), max),
    siteName: oneLine(meta.get('og:site_name'), max),
    image: oneLine(meta.get('og:image'), 2_000),
  };
}
