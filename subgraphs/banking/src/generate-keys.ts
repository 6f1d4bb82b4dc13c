import { generateFieldKey } from '@mosaic/kit';

/** Prints a value for BANKING_KEY_ENCRYPTION_KEYS or BANKING_LOOKUP_KEYS with one new key (`pnpm --filter @mosaic/banking -s keys:generate`). */
console.log(JSON.stringify([generateFieldKey(`banking-${new Date().toISOString().slice(0, 10)}`)]));
