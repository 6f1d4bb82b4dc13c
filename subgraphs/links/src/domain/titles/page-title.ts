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

/** The page's title: `og:title` when it has one, else `<title>`; one line, at most `max` characters. */
export function pageTitle(html: string, max: number): string | null {
  let title: string | undefined;
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (/og:title/i.test(attribute(tag, 'property') ?? attribute(tag, 'name') ?? '')) {
      title = attribute(tag, 'content');
      if (title) break;
    }
  }
  title ??= /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (!title) return null;
  const clean = decodeEntities(title)
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();
  return clean ? [...clean].slice(0, max).join('') : null;
}
