import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../src/data/search-sql';
import { parseHighlight } from '../src/domain/highlight';

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('parseHighlight', () => {
  it('strips the markers and reports where each match is', () => {
    const result = parseHighlight(`${mark('Running')} shoes\nI went ${mark('running')} today`);
    expect(result.text).toBe('Running shoes\nI went running today');
    expect(result.matches).toEqual([
      { start: 0, length: 7 },
      { start: 21, length: 7 },
    ]);
    for (const { start, length } of result.matches) expect(result.text.slice(start, start + length).toLowerCase()).toBe('running');
  });

  it('measures in UTF-16 units, as JavaScript strings index', () => {
    const result = parseHighlight(`😀 ${mark('tea')}`);
    expect(result.matches).toEqual([{ start: 3, length: 3 }]);
    expect(result.text.slice(3, 6)).toBe('tea');
  });

  it('returns plain text unchanged and ignores stray markers', () => {
    expect(parseHighlight('no matches here')).toEqual({ text: 'no matches here', matches: [] });
    expect(parseHighlight(`a${MATCH_END}b${MATCH_START}c`)).toEqual({ text: 'abc', matches: [] });
    expect(parseHighlight(`${MATCH_START}${MATCH_END}x`)).toEqual({ text: 'x', matches: [] });
  });
});
