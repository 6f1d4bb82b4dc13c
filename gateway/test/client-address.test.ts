import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, parseTrustedProxies } from '../src/http/client-address';
import { securityEnv } from '../src/env';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('client address behind proxies', () => {
  // The client wrote "6.6.6.6"; the ingress (10.0.0.5) appended the address it saw, 203.0.113.7.
  const viaIngress = request('10.0.0.5', '6.6.6.6, 203.0.113.7');

  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddressOf(false)(viaIngress)).toBe('10.0.0.5');
  });

  it('takes the right-most address not written by a trusted hop, never what the client wrote', () => {
    expect(clientAddressOf(1)(viaIngress)).toBe('203.0.113.7');
    expect(clientAddressOf(['10.0.0.0/8'])(viaIngress)).toBe('203.0.113.7');
    expect(clientAddressOf(['uniquelocal'])(request('10.0.0.5', '6.6.6.6, 203.0.113.7, 10.1.2.3'))).toBe('203.0.113.7');
    // Two proxies configured but only one in front: the second hop's entry is what the client wrote.
    expect(clientAddressOf(2)(viaIngress)).toBe('6.6.6.6');
  });

  it('uses the socket address when the connection does not come from a trusted proxy', () => {
    expect(clientAddressOf(['10.0.0.0/8'])(request('198.51.100.9', '6.6.6.6'))).toBe('198.51.100.9');
  });

  it('refuses TRUST_PROXY=true and nonsense, with a message saying what to set', () => {
    expect(() => parseTrustedProxies('true')).toThrow(/number of proxies/);
    expect(() => parseTrustedProxies('not-an-address')).toThrow(/TRUST_PROXY/);
    expect(parseTrustedProxies('1')).toBe(1);
    expect(parseTrustedProxies('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(parseTrustedProxies('false')).toBe(false);
    const parsed = securityEnv.safeParse({ TRUST_PROXY: 'true' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/number of proxies/);
  });
});
