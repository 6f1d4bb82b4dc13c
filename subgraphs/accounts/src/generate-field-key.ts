import { generateFieldKey } from '@mosaic/kit';

/** `pnpm keys:generate-field`: prints a value for ACCOUNTS_FIELD_KEYS with one new AES-256 key. */
console.log(JSON.stringify([generateFieldKey(`f-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`)]));
