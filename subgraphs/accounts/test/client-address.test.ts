import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { attemptSource, displayedNetwork } from '../src/domain/client-network';
import { browserClient } from '../src/oauth/client-address';

const request = (socket: string, forwardedFor?: string, forwardedIp?: string) =>
  ({ socket: { remoteAddress: socket }, headers: { ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}), ...(forwardedIp ? { 'x-mosaic-client-ip': forwardedIp } : {}), 'user-agent': 'UA' } }) as unknown as IncomingMessage;

describe("the browser's address on accounts' public pages", () => {
  it('is the socket peer without trusted proxies; forwarded headers a client writes are ignored', () => {
    expect(browserClient(request('203.0.113.9', '1.2.3.4', '5.6.7.8'), 0)).toEqual({ ip: '203.0.113.9', userAgent: 'UA' });
  });

  it('counts trusted proxies from the right of X-Forwarded-For, so entries the client prepends do not count', () => {
    // client → ingress (10.0.0.5) → accounts: the ingress appended the client's real address.
    expect(browserClient(request('10.0.0.5', 'spoofed-1, 198.51.100.20'), 1).ip).toBe('198.51.100.20');
    expect(browserClient(request('10.0.0.6', 'spoofed, 198.51.100.20, 10.0.0.5'), 2).ip).toBe('198.51.100.20');
    expect(browserClient(request('10.0.0.5'), 1).ip).toBe('10.0.0.5');
  });
});

describe('networks', () => {
  it('shows /24 and /48 networks, limits per IPv4 address and IPv6 /64', () => {
    expect(displayedNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(displayedNetwork('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(displayedNetwork('2001:db8::1')).toBe('2001:0db8:0000::/48');
    expect(displayedNetwork(null)).toBeNull();
    expect(attemptSource('2001:db8:1:2:3::9')).toBe('2001:0db8:0001:0002::/64');
    expect(attemptSource('198.51.100.1')).toBe('198.51.100.1');
  });
});
