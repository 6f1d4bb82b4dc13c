import { describe, expect, it } from 'vitest';
import { plainTextOf, renderDocumentMarkdown } from '@mosaic/markdown';
import { excerptOf, readingMinutes } from '../src/domain/content/text-facts';
import { slugCandidate, slugify } from '../src/domain/content/slugs';

describe('text facts', () => {
  it('reading time is whole minutes at 230 words per minute, at least one', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes(Array(231).fill('w').join(' '))).toBe(2);
  });

  it('excerpts cut at a word boundary', () => {
    expect(excerptOf('short')).toBe('short');
    expect(excerptOf('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });

  it('plain text has no markup and decoded entities', () => {
    expect(plainTextOf(renderDocumentMarkdown('# Hi & bye\n\n*there* <script>x</script>'))).toBe('Hi & bye there');
  });
});

describe('slugs', () => {
  it('folds accents and punctuation', () => {
    expect(slugify('  Crème Brûlée: a recipe!  ')).toBe('creme-brulee-a-recipe');
    expect(slugify('🎉🎉')).toBe('post');
  });
  it('numbers candidates within the length limit', () => {
    expect(slugCandidate('hello', 1)).toBe('hello');
    expect(slugCandidate('hello', 3)).toBe('hello-3');
    expect(slugCandidate('a'.repeat(80), 2)).toHaveLength(80);
  });
});
