import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side fetch of a user-supplied URL must not reach: "this network", private
 * (RFC 1918), CGNAT, loopback, link-local (cloud metadata at 169.254.169.254), IETF protocol
 * assignments, benchmarking, multicast and reserved; for IPv6 the unspecified and loopback
 * addresses, IPv4-mapped addresses of the IPv4 ranges above, NAT64, unique-local,
 * link-local and multicast.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) reaches the IPv4 address inside: judge that one. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

// (Node's BlockList matches IPv4 addresses against an IPv6 rule for ::ffff:0:0/96, so mapped
// addresses are unwrapped instead of listed.)
export function isInternalAddress(address: string): boolean {
  const plain = unmapped(address);
  return INTERNAL.check(plain, familyOf(plain));
}

/**
 * An explicit exception to the rule above, for tests that fetch from a local server: CIDR blocks
 * ("127.0.0.1/32"). Empty unless a caller names them.
 */
export function allowList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/');
    const family = familyOf(network!);
    if (!isIP(network!)) throw new Error(`safe-fetch allow-list: "${cidr}" is not an address block (like 127.0.0.1/32).`);
    list.addSubnet(network!, Number(prefix ?? (family === 'ipv6' ? 128 : 32)), family);
  }
  return list;
}

/** Whether a fetch may connect to this address: public, or internal but explicitly allowed. */
export const mayConnectTo = (address: string, allowed: BlockList): boolean => !isInternalAddress(address) || allowed.check(unmapped(address), familyOf(unmapped(address)));
