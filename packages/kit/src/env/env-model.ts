/** One problem with the environment: the variable it is about, and what to set instead. */
export interface EnvIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export type EnvParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: { issues: readonly EnvIssue[] } };

/**
 * What `parseEnv` reads one section of the config with: the variables it owns, mapped to a typed
 * value, or every problem it found. A zod schema is one (the same `safeParse`), and so is an
 * `envModel` below. Kit's shared models and the gateway's are `envModel`s, which load no schema
 * library: zod was 3.3 MiB of the gateway's ~28 MiB idle heap, and under load V8 lets the old
 * generation grow to a multiple of what stays live, so its peak memory grew by several times that.
 * A subgraph's own models may be zod schemas.
 */
export interface EnvModel<T> {
  safeParse(source: NodeJS.ProcessEnv): EnvParseResult<T>;
}

/** The value a model parses to (from its success branch: a zod schema's failure branch has `data?: never`). */
export type EnvOutput<M> = M extends { safeParse(source: never): infer R } ? (Extract<R, { success: true }> extends { data: infer T } ? T : never) : never;

/** One variable's reader: its raw value (`undefined` when unset or empty) to a typed value; throws `EnvValueError` naming what is expected. */
export type EnvVar<T> = (raw: string | undefined) => T;

export class EnvValueError extends Error {
  override readonly name = 'EnvValueError';
}

type Values<V extends Record<string, EnvVar<unknown>>> = { [K in keyof V]: ReturnType<V[K]> };

/**
 * A model of the variables in `vars` (each read by its `EnvVar`), built into the section's value;
 * `check` adds problems that span variables (a secret required in production).
 */
export function envModel<V extends Record<string, EnvVar<unknown>>, T>(
  vars: V,
  build: (values: Values<V>) => T,
  check?: (values: Values<V>) => EnvIssue[],
): EnvModel<T> {
  return {
    safeParse(source) {
      const issues: EnvIssue[] = [];
      const values: Record<string, unknown> = {};
      for (const [name, read] of Object.entries(vars)) {
        const raw = source[name];
        try {
          values[name] = read(raw === '' ? undefined : raw);
        } catch (error) {
          if (!(error instanceof EnvValueError)) throw error;
          issues.push({ path: [name], message: error.message });
        }
      }
      if (issues.length === 0 && check) issues.push(...check(values as Values<V>));
      return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data: build(values as Values<V>) };
    },
  };
}
