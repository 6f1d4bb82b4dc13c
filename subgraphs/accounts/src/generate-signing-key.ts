import { generateSigningKey } from '@mosaic/kit';

/** `pnpm keys:generate`: prints a value for ACCOUNTS_SIGNING_KEYS with one new Ed25519 key. */
const key = await generateSigningKey(`k-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`);
console.log(JSON.stringify([key]));
