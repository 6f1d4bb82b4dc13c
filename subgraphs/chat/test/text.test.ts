import { describe, expect, it } from 'vitest';
import { characterCount, MAX_MESSAGE_LENGTH, messageTextSchema, roomDescriptionSchema, roomNameSchema, roomSearchSchema } from '../src/domain/text';

describe('message text', () => {
  it('is trimmed, keeps inner line breaks and tabs, and counts code points', () => {
    expect(messageTextSchema.parse('  hello\n\tworld \n')).toBe('hello\n\tworld');
    expect(characterCount('a😀b')).toBe(3);
    expect(messageTextSchema.safeParse('😀'.repeat(MAX_MESSAGE_LENGTH)).success).toBe(true);
  });

  it('refuses empty, whitespace-only, oversize (after trimming) and control characters', () => {
    expect(messageTextSchema.safeParse('').success).toBe(false);
    expect(messageTextSchema.safeParse(' \n\t ').success).toBe(false);
    expect(messageTextSchema.safeParse('x'.repeat(MAX_MESSAGE_LENGTH + 1)).success).toBe(false);
    expect(messageTextSchema.safeParse(`  ${'x'.repeat(MAX_MESSAGE_LENGTH)}  `).success).toBe(true);
    expect(messageTextSchema.safeParse('nul \u0000').success).toBe(false);
    expect(messageTextSchema.safeParse('escape \u001b[31m').success).toBe(false);
  });
});

describe('room name and description', () => {
  it('names are one trimmed line of 1 to 80 characters', () => {
    expect(roomNameSchema.parse('  Lobby ')).toBe('Lobby');
    expect(roomNameSchema.safeParse('   ').success).toBe(false);
    expect(roomNameSchema.safeParse('😀'.repeat(80)).success).toBe(true);
    expect(roomNameSchema.safeParse('x'.repeat(81)).success).toBe(false);
    expect(roomNameSchema.safeParse('two\nlines').success).toBe(false);
  });

  it('descriptions are trimmed, at most 500 characters, and empty means none', () => {
    expect(roomDescriptionSchema.parse(' About\nthings ')).toBe('About\nthings');
    expect(roomDescriptionSchema.parse('   ')).toBeNull();
    expect(roomDescriptionSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });

  it('a search is trimmed and empty means none', () => {
    expect(roomSearchSchema.parse('  gen ')).toBe('gen');
    expect(roomSearchSchema.parse('  ')).toBeNull();
    expect(roomSearchSchema.safeParse('x'.repeat(81)).success).toBe(false);
  });
});
