import { randomInt } from 'node:crypto';
import { GATEWAY_PATHS } from '@mosaic/kit';
import graphPublicPaths from '../../../../schema/public-paths.json' with { type: 'json' };

/** No 0/o, 1/l/i: a generated code survives being read aloud or typed from paper. */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Codes (and aliases) are matched ignoring case: this is the lookup key. */
export const codeKeyOf = (code: string) => code.toLowerCase();

/** What a code may look like in a path: aliases are 3 to 64 of these, generated codes use the alphabet above. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ALIAS_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

/**
 * The first path segment of every public path another part of the graph serves at this origin
 * (`schema/public-paths.json`, composed by `pnpm compose` from the subgraphs' `deployment.publicPaths`):
 * `notes` for `/notes/shared/<token>`, `auth` for `/auth/session`. Longer public paths win over
 * short links in every router, so a link under one would be unreachable or pass for that page
 * (platform/test/reserved-short-codes.test.ts fails when a registered one is missing).
 */
const PUBLIC_PATH_SEGMENTS = graphPublicPaths.publicPaths.map(({ prefix }) => codeKeyOf(prefix.split('/')[1] ?? '')).filter(Boolean);

/**
 * Words a link may not take: the gateway's own paths (they win over short links anyway), the
 * graph's public paths, this service's sub-paths, and names people expect a site to own.
 */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  ...GATEWAY_PATHS.map((path) => path.slice(1)).filter(Boolean),
  ...PUBLIC_PATH_SEGMENTS,
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
  // The gateway's internal endpoint (never public, but a link named so would read as one).
  'metrics',
]);

export const isReserved = (code: string) => RESERVED_CODES.has(codeKeyOf(code));

export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
