import { randomInt } from 'node:crypto';
import { GATEWAY_PATHS } from '@mosaic/kit';

/** No 0/o, 1/l/i: a generated code survives being read aloud or typed from paper. */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Codes (and aliases) are matched ignoring case: this is the lookup key. */
export const codeKeyOf = (code: string) => code.toLowerCase();

/** What a code may look like in a path: aliases are 3 to 64 of these, generated codes use the alphabet above. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

/**
 * Words a link may not take: the gateway's own paths (they win over short links anyway), this
 * service's sub-paths, and names people expect a site to own.
 */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  ...GATEWAY_PATHS.map((path) => path.slice(1)).filter(Boolean),
  'qr',
  'api',
  'admin',
  'login',
  'logout',
  'signin',
  'signup',
  'register',
  'settings',
  'account',
  'links',
  'static',
  'assets',
  'health',
  'status',
  'well-known',
  // Paths other parts of the graph serve at the same origin: the gateway's internal endpoints and
  // accounts' OAuth server and pages (longer public paths win over short links in every router).
  'metrics',
  'oidc',
  'interaction',
  'blog',
  'files',
  'billing',
  'commerce',
  'graphiql',
  'notes',
  'auth',
]);

export const isReserved = (code: string) => RESERVED_CODES.has(codeKeyOf(code));

export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
