import { customType } from 'drizzle-orm/pg-core';

/** A `bytea` column read as a Buffer on both drivers: postgres.js gives a Buffer, PGlite (all-in-one) a Uint8Array. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});
