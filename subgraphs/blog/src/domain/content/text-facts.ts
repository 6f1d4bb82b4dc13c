/** Silent-reading speed for screen text used by Medium and Ghost alike. */
const WORDS_PER_MINUTE = 230;
const EXCERPT_LENGTH = 200;

/** Whole minutes, at least one: "1 min read" for a short note. */
export function readingMinutes(plainText: string): number {
  const words = plainText.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** The first sentences of the text, cut at a word boundary with an ellipsis when longer. */
export function excerptOf(plainText: string, length = EXCERPT_LENGTH): string {
  if (plainText.length <= length) return plainText;
  const cut = plainText.slice(0, length + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > length / 2 ? cut.slice(0, boundary) : cut.slice(0, length)).replace(/[\s.,;:!?-]+$/, '')}…`;
}
