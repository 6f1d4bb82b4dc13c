import { EnvValueError, type EnvVar } from './env-model';

const expected = (what: string): never => {
  throw new EnvValueError(`must be ${what}`);
};

const absoluteUrl = (value: string): string => (URL.canParse(value) ? value : expected('an absolute URL, e.g. http://host:4000/path'));

function wholeNumber(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
  if (min !== undefined) return min === 1 ? 'a whole number above 0' : `a whole number of ${min} or more`;
  return max !== undefined ? `a whole number of ${max} or less` : 'a whole number';
}

/**
 * Readers of one environment variable each, for `envModel`. Unset and empty are the same (a
 * compose file's `NAME=` means "not set"): the default, or `undefined` for the optional ones.
 * Messages say what the value must be, never what it was (it may be a secret).
 */
export const envVar = {
  text: (fallback: string, pattern?: { regex: RegExp; description: string }): EnvVar<string> => (raw) => {
    const value = raw ?? fallback;
    return pattern && !pattern.regex.test(value) ? expected(pattern.description) : value;
  },

  optionalText: (minLength = 0, hint = ''): EnvVar<string | undefined> => (raw) =>
    raw === undefined || raw.length >= minLength ? raw : expected(`at least ${minLength} characters${hint ? ` (${hint})` : ''}`),

  url: (fallback: string): EnvVar<string> => (raw) => absoluteUrl(raw ?? fallback),

  optionalUrl: (): EnvVar<string | undefined> => (raw) => (raw === undefined ? raw : absoluteUrl(raw)),

  integer: (fallback: number, bounds: { min?: number; max?: number } = {}): EnvVar<number> => (raw) => {
    const value = raw === undefined ? fallback : Number(raw);
    const { min = -Infinity, max = Infinity } = bounds;
    return Number.isInteger(value) && value >= min && value <= max ? value : expected(wholeNumber(bounds.min, bounds.max));
  },

  positiveNumber: (fallback: number): EnvVar<number> => (raw) => {
    const value = raw === undefined ? fallback : Number(raw);
    return Number.isFinite(value) && value > 0 ? value : expected('a number above 0');
  },

  oneOf: <const T extends string>(values: readonly T[], fallback: NoInfer<T>): EnvVar<T> => (raw) => {
    const value = raw ?? fallback;
    return (values as readonly string[]).includes(value) ? (value as T) : expected(`one of ${values.join(', ')}`);
  },

  /** A value in a format of its own: `parse` throws an Error whose message says what is wrong. */
  parsed: <T>(fallback: string, parse: (value: string) => T, example?: string): EnvVar<T> => (raw) => {
    try {
      return parse(raw ?? fallback);
    } catch (error) {
      throw new EnvValueError(`${(error as Error).message}${example ? ` (e.g. ${example})` : ''}`);
    }
  },
};
