import { writeFileSync } from 'node:fs';

/**
 * A tiny MaxMind DB (format 2.0, IPv4, 24-bit records) mapping /24 networks to countries, written
 * by hand from the published spec (maxmind.github.io/MaxMind-DB), so GeoIP lookups are tested
 * against the real `maxmind` reader without shipping a GeoLite2 file.
 */
export function writeCountryDatabase(path: string, networks: Record<string, string>): void {
  const data: Buffer[] = [];
  let dataSize = 0;
  const dataOffset = new Map<string, number>();
  for (const country of new Set(Object.values(networks))) {
    dataOffset.set(country, dataSize);
    const record = map({ country: map({ iso_code: text(country) }) });
    data.push(record);
    dataSize += record.length;
  }
  // One chain of 24 nodes per network, along the network's first 24 bits; every other branch is empty.
  const paths = Object.entries(networks).map(([network, country]) => ({ bits: network.split('.').slice(0, 3).flatMap((octet) => [...Number(octet).toString(2).padStart(8, '0')].map(Number)), country }));
  const nodes: [number, number][] = [];
  const EMPTY = -1;
  nodes.push([EMPTY, EMPTY]);
  const leaves: { node: number; side: number; country: string }[] = [];
  for (const { bits, country } of paths) {
    let node = 0;
    bits.forEach((bit, depth) => {
      if (depth === bits.length - 1) return leaves.push({ node, side: bit, country });
      if (nodes[node]![bit] === EMPTY) {
        nodes.push([EMPTY, EMPTY]);
        nodes[node]![bit] = nodes.length - 1;
      }
      node = nodes[node]![bit]!;
    });
  }
  const nodeCount = nodes.length;
  for (const { node, side, country } of leaves) nodes[node]![side] = nodeCount + 16 + dataOffset.get(country)!;
  const tree = Buffer.alloc(nodeCount * 6);
  nodes.forEach(([left, right], i) => {
    tree.writeUIntBE(left === EMPTY ? nodeCount : left, i * 6, 3);
    tree.writeUIntBE(right === EMPTY ? nodeCount : right, i * 6 + 3, 3);
  });
  const metadata = map({
    node_count: uint(6, nodeCount),
    record_size: uint(5, 24),
    ip_version: uint(5, 4),
    database_type: text('Test-Country'),
    languages: Buffer.from([0x00, 0x04]),
    binary_format_major_version: uint(5, 2),
    binary_format_minor_version: uint(5, 0),
    build_epoch: Buffer.concat([Buffer.from([0x04, 0x02]), uintBytes(Math.floor(Date.now() / 1000), 4)]),
    description: map({}),
  });
  writeFileSync(path, Buffer.concat([tree, Buffer.alloc(16), ...data, Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com'), metadata]));
}

function uintBytes(value: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  bytes.writeUIntBE(value, 0, length);
  return bytes;
}

/** type 5 = uint16, 6 = uint32 (control byte: type in the top 3 bits, byte length below). */
function uint(type: 5 | 6, value: number): Buffer {
  const length = value === 0 ? 0 : Math.ceil(Math.log2(value + 1) / 8);
  return Buffer.concat([Buffer.from([(type << 5) | length]), length ? uintBytes(value, length) : Buffer.alloc(0)]);
}

function text(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length >= 29) throw new Error('long strings are not needed here');
  return Buffer.concat([Buffer.from([(2 << 5) | bytes.length]), bytes]);
}

function map(entries: Record<string, Buffer>): Buffer {
  const keys = Object.keys(entries);
  return Buffer.concat([Buffer.from([(7 << 5) | keys.length]), ...keys.flatMap((key) => [text(key), entries[key]!])]);
}
