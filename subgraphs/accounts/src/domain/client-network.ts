import { isIPv4, isIPv6 } from 'node:net';

/** `::ffff:203.0.113.7` → `203.0.113.7`. */
const unmapped = (ip: string) => (ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

function ipv6Groups(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.padStart(4, '0'));
}

/**
 * What a user sees of where a session signs in from: the network, not the address
 * (`203.0.113.0/24`, `2001:0db8:85a3::/48`).
 */
export function displayedNetwork(ip: string | null): string | null {
  if (!ip) return null;
  const address = unmapped(ip);
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 3).join(':')}::/48`;
  return null;
}

/**
 * The unit sign-in attempts are limited per: one IPv4 address, or one IPv6 /64 (what a single
 * subscriber usually holds — limiting single IPv6 addresses would be trivially walked around).
 */
export function attemptSource(ip: string | null): string {
  if (!ip) return 'unknown';
  const address = unmapped(ip);
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address;
}
