import { z } from 'zod';

/** Display names: 1–80 visible characters, no control characters, surrounding space trimmed. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'must not contain control characters');
