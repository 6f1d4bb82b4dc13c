import { describe, expect, it } from 'vitest';
import { bodySchema, characterCount, MAX_BODY_LENGTH, MAX_TITLE_LENGTH, titleSchema } from '../src/domain/note-text';

describe('note text', () => {
  it('counts code points, so an emoji is one character', () => {
    expect(characterCount('a😀b')).toBe(3);
    expect('a😀b'.length).toBe(4);
  });

  it('trims titles, allows empty ones, and limits them to 200 characters of one line', () => {
    expect(titleSchema.parse('  Groceries  ')).toBe('Groceries');
    expect(titleSchema.parse('')).toBe('');
    expect(titleSchema.safeParse('😀'.repeat(MAX_TITLE_LENGTH)).success).toBe(true);
    expect(titleSchema.safeParse('x'.repeat(MAX_TITLE_LENGTH + 1)).success).toBe(false);
    expect(titleSchema.safeParse('two\nlines').success).toBe(false);
    expect(titleSchema.safeParse('tab\there').success).toBe(false);
  });

  it('keeps bodies exactly as written, with tabs and line breaks, up to 100,000 characters', () => {
    const markdown = '# Title\r\n\n\t- item  \n';
    expect(bodySchema.parse(markdown)).toBe(markdown);
    expect(bodySchema.safeParse('x'.repeat(MAX_BODY_LENGTH)).success).toBe(true);
    expect(bodySchema.safeParse('x'.repeat(MAX_BODY_LENGTH + 1)).success).toBe(false);
  });

  it('refuses control characters PostgreSQL cannot store or nobody types', () => {
    expect(bodySchema.safeParse('nul\u0000').success).toBe(false);
    expect(bodySchema.safeParse('bell\u0007').success).toBe(false);
    expect(bodySchema.safeParse('escape\u001b[31m').success).toBe(false);
  });
});
