import { createRequire } from 'node:module';

/** The federation composition version Mosaic composes with (@apollo/composition's). */
export const FEDERATION_VERSION = (createRequire(import.meta.url)('@apollo/composition/package.json') as { version: string }).version;
