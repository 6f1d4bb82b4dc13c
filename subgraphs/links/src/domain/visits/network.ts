import ipaddr from 'ipaddr.js';

/**
 * The network an address belongs to — the IPv4 /24 or the IPv6 /48, as Google Analytics and
 * Matomo anonymise — so no stored visit points at one device. Null for something that is not an
 * address.
 */
export function anonymisedNetwork(address: string | null): string | null {
  if (!address || !ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') {
    const octets = (parsed as ipaddr.IPv4).octets.slice(0, 3);
    return `${octets.join('.')}.0`;
  }
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 3);
  return new ipaddr.IPv6([...parts, 0, 0, 0, 0, 0]).toString();
}
