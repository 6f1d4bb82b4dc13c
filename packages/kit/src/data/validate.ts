import type { z } from 'zod';
import { UserInputError } from '../errors/errors';

/**
 * Validates domain input with zod and turns the first problem into a BAD_USER_INPUT error naming
 * the field, e.g. `input.title: must be at most 500 characters`.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new UserInputError(`${field}: ${issue.message}`, field);
}
