import { describe, expect, it } from 'vitest';
import { escapeLike } from '../src/data/todo-filters';

describe('escapeLike', () => {
  it('makes LIKE wildcards and the escape character match literally', () => {
    expect(escapeLike('50% off_now')).toBe('50\\% off\\_now');
    expect(escapeLike('C:\\temp')).toBe('C:\\\\temp');
    expect(escapeLike('plain text')).toBe('plain text');
  });
});
