import { describe, expect, it } from 'vitest';
import { validate } from '@mosaic/kit';
import { MAX_TAGS, tagListSchema, withoutTags, withTags } from '../src/domain/tags';

const normalise = (tags: unknown) => validate(tagListSchema, tags, 'tags');
const problem = (tags: unknown) => {
  try {
    normalise(tags);
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return null;
};

describe('tag normalisation', () => {
  it('trims, lower-cases, folds compatibility forms and drops duplicates, keeping first-seen order', () => {
    expect(normalise(['  Work ', 'HOME', 'work', 'ｗｏｒｋ', 'to-do', 'snake_case', 'Café', '日本'])).toEqual([
      'work',
      'home',
      'to-do',
      'snake_case',
      'café',
      '日本',
    ]);
  });

  it('counts duplicates before the limit: 40 spellings of 20 tags are fine', () => {
    const tags = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(normalise([...tags, ...tags.map((t) => t.toUpperCase())])).toEqual(tags);
  });

  it.each([
    ['an empty tag', ['ok', '   '], 'tags.1'],
    ['a space inside', ['two words'], 'tags.0'],
    ['punctuation', ['c++'], 'tags.0'],
    ['a # prefix', ['#work'], 'tags.0'],
    ['51 characters', ['x'.repeat(51)], 'tags.0'],
    ['21 distinct tags', Array.from({ length: 21 }, (_, i) => `t${i}`), 'tags'],
    ['a non-string', [42], 'tags.0'],
  ])('refuses %s, naming the field', (_case, tags, field) => {
    expect(problem(tags)).toBe(field);
  });

  it('accepts exactly 50 characters, counted as characters rather than UTF-16 units', () => {
    expect(normalise(['x'.repeat(50)])).toHaveLength(1);
    expect(normalise(['𝒳'.repeat(50)])).toHaveLength(1);
  });

  it('adds without duplicates and removes in order', () => {
    expect(withTags(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(withoutTags(['a', 'b', 'c'], ['b', 'x'])).toEqual(['a', 'c']);
  });
});
