import { MATCH_END, MATCH_START } from '../data/search-sql';

export interface TextRange {
  start: number;
  length: number;
}

export interface SearchHighlight {
  text: string;
  matches: TextRange[];
}

/**
 * Turns ts_headline output (matches wrapped in private-use markers) into plain text plus match
 * ranges, so clients mark matches themselves instead of rendering HTML built from a note's
 * content. Offsets are in UTF-16 code units (JavaScript string indices). A marker without its
 * partner (only possible if a note itself contains one) is dropped.
 */
export function parseHighlight(marked: string): SearchHighlight {
  let text = '';
  const matches: TextRange[] = [];
  let openedAt: number | null = null;
  for (const char of marked) {
    if (char === MATCH_START) {
      openedAt = text.length;
    } else if (char === MATCH_END) {
      if (openedAt !== null && text.length > openedAt) matches.push({ start: openedAt, length: text.length - openedAt });
      openedAt = null;
    } else {
      text += char;
    }
  }
  return { text, matches };
}
