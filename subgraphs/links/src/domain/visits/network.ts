import { isIPv4 } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The network an address belongs to — the IPv4 /24 or the IPv6 /48, as Google Analytics and
 * Matomo anonymise — so no stored visit points at one device. Null for something that is not an
 * address.
 */
export function anonymisedNetwork(address: string | null): string | null {
  if (!address) return null;
  // The common cases without a parse: IPv4, and IPv4 mapped into IPv6 (a dual-stack listener's view).
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return `${v4.slice(0, v4.lastIndexOf('.'))}.0`;
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') {
    const octets = (parsed as ipaddr.IPv4).octets.slice(0, 3);
    return `${octets.join('.')}.0`;
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3);
  return new ipaddr.IPv6([...parts, 0, 0, 0, 0, 0]).toString();
}
