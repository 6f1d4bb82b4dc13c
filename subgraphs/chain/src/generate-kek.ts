import { generateFieldKey } from '@mosaic/kit';

/** Prints a value for CHAIN_KEY_ENCRYPTION_KEYS with one new key (`pnpm --filter @mosaic/chain -s kek:generate`). */
console.log(JSON.stringify([generateFieldKey(`kek-${new Date().toISOString().slice(0, 10)}`)]));
