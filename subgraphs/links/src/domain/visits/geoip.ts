import type { CountryResponse } from 'maxmind';
import type { Logger } from '@mosaic/kit';

/** Country of an address (ISO 3166-1 alpha-2), or null. */
export type CountryLookup = (address: string) => string | null;

/**
 * A MaxMind database (GeoLite2-Country / -City, or any with a `country` record) when
 * LINKS_GEOIP_DB points at one; without it, countries stay unknown. Read once into memory.
 */
export async function openCountryLookup(path: string | undefined, log: Logger): Promise<CountryLookup | null> {
  if (!path) return null;
  const { open } = await import('maxmind');
  const reader = await open<CountryResponse>(path);
  log.info({ path }, 'GeoIP database loaded');
  return (address) => {
    try {
      const record = reader.get(address);
      return record?.country?.iso_code ?? record?.registered_country?.iso_code ?? null;
    } catch {
      return null;
    }
  };
}
