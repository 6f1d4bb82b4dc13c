import type { z } from 'zod';
import { ProviderError } from '../weather-provider';

/** A provider's answer checked against its documented shape; anything else is `malformed` (and never cached). */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, label: string): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ProviderError('malformed', `${label}: unexpected answer (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`);
  }
  return result.data;
}
