import { z } from 'zod';

export const MAX_ROOM_NAME_LENGTH = 80;
export const MAX_ROOM_DESCRIPTION_LENGTH = 500;
export const MAX_MESSAGE_LENGTH = 4000;

/** Characters as people count them (code points), not UTF-16 units: an emoji is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_TAB_AND_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ANY_CONTROL = /\p{Cc}/u;

/** A cheap bound before counting code points, so a huge string is refused without walking it. */
const within = (max: number) => (text: string) => text.length <= max * 2 && characterCount(text) <= max;

/** A room name: one line, surrounding spaces trimmed, 1 to 80 characters. */
export const roomNameSchema = z
  .string()
  .transform((name) => name.trim())
  .refine((name) => name.length > 0, 'must not be empty')
  .refine(within(MAX_ROOM_NAME_LENGTH), `must be at most ${MAX_ROOM_NAME_LENGTH} characters`)
  .refine((name) => !ANY_CONTROL.test(name), 'must be a single line without control characters');

/** A room description: trimmed, at most 500 characters, line breaks allowed; empty → none (null). */
export const roomDescriptionSchema = z
  .string()
  .transform((description) => description.trim())
  .refine(within(MAX_ROOM_DESCRIPTION_LENGTH), `must be at most ${MAX_ROOM_DESCRIPTION_LENGTH} characters`)
  .refine((description) => !CONTROL_BUT_TAB_AND_LINE_BREAKS.test(description), 'must not contain control characters other than tabs and line breaks')
  .transform((description) => (description === '' ? null : description));

/**
 * A message: surrounding whitespace trimmed, then 1 to 4000 characters; line breaks and tabs
 * inside are kept. Other control characters are refused (PostgreSQL cannot store NUL at all).
 */
export const messageTextSchema = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, 'must not be empty or only whitespace')
  .refine(within(MAX_MESSAGE_LENGTH), `must be at most ${MAX_MESSAGE_LENGTH} characters once trimmed`)
  .refine((text) => !CONTROL_BUT_TAB_AND_LINE_BREAKS.test(text), 'must not contain control characters other than tabs and line breaks');

/** What `chatRooms(filter: { search })` looks for: trimmed, at most a room name long; empty = no search. */
export const roomSearchSchema = z
  .string()
  .transform((search) => search.trim())
  .refine(within(MAX_ROOM_NAME_LENGTH), `must be at most ${MAX_ROOM_NAME_LENGTH} characters`)
  .transform((search) => (search === '' ? null : search));
