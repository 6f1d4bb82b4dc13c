import type { ReactNode } from 'react';

/**
 * A search passage with `<b>` around the matched words and everything else HTML-escaped (as
 * commerce returns it) → text with <mark>s. Nothing is injected as HTML: each piece is decoded to
 * plain text by an inert DOMParser document.
 */
export function markedText(passage: string): ReactNode[] {
  const parser = new DOMParser();
  const decode = (piece: string) => parser.parseFromString(piece, 'text/html').documentElement.textContent ?? '';
  return passage.split(/(<b>.*?<\/b>)/).map((piece, index) => {
    const bold = /^<b>(.*)<\/b>$/.exec(piece);
    return bold ? <mark key={index}>{decode(bold[1]!)}</mark> : decode(piece);
  });
}
