import { plainTextOf, renderDocumentMarkdown } from '@mosaic/markdown';
import { excerptOf, readingMinutes } from './text-facts';

/** What a post's text determines: its HTML, its excerpt (unless the author wrote one) and its reading time. */
export function deriveContent(bodyMarkdown: string, customExcerpt: string | null): { bodyHtml: string; excerpt: string; readingMinutes: number } {
  const bodyHtml = renderDocumentMarkdown(bodyMarkdown);
  const text = plainTextOf(bodyHtml);
  return { bodyHtml, excerpt: customExcerpt || excerptOf(text), readingMinutes: readingMinutes(text) };
}
