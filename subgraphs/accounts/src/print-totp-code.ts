import { totpCodeAt } from './domain/two-factor/totp';

/**
 * `pnpm -s totp:code <secret>`: the current code for a TOTP secret, for trying two-factor sign-in
 * without an authenticator app at hand (the demo in the README). Never needed in production.
 */
const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('Usage: pnpm -s totp:code <base32 secret from beginTotpEnrollment>');
  process.exit(1);
}
console.log(totpCodeAt(secret.toUpperCase(), new Date()));
