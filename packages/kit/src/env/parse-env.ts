import type { EnvModel, EnvOutput } from './env-model';

type Models = Record<string, EnvModel<unknown>>;
export type EnvOf<M extends Models> = { [K in keyof M]: EnvOutput<M[K]> };

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Parses every model against the environment and reports all problems at once (not the first one),
 * so a misconfigured deployment is fixed in one round. Each model reads the variables it owns and
 * maps them to a typed, nested section of the config.
 */
export function parseEnv<M extends Models>(models: M, source: NodeJS.ProcessEnv = process.env): EnvOf<M> {
  const problems: string[] = [];
  const result: Partial<Record<keyof M, unknown>> = {};
  for (const [section, model] of Object.entries(models) as [keyof M & string, EnvModel<unknown>][]) {
    const parsed = model.safeParse(source);
    if (parsed.success) result[section] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || section}: ${issue.message}`);
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return result as EnvOf<M>;
}

/** A memoised reader with a reset for tests: `env()` parses once; `env.reset()` forgets. */
export function memoEnv<M extends Models>(models: M): (() => EnvOf<M>) & { reset(): void } {
  let cached: EnvOf<M> | undefined;
  const read = () => (cached ??= parseEnv(models));
  return Object.assign(read, { reset: () => void (cached = undefined) });
}
