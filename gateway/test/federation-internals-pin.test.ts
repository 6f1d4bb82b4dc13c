import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import '../src/index';
import { assertFederationInternalsPinned, federationInternalsFacts, federationInternalsProblems } from '../src/fetch/federation-internals-pin';
import { MEMOISED } from '../src/fetch/operation-cache';

const facts = federationInternalsFacts();

describe('the patched @apollo/federation-internals', () => {
  it('is exactly the pinned version, one copy shared by @apollo/gateway and @apollo/query-planner, and the replacement is active', () => {
    expect(federationInternalsProblems(facts)).toEqual([]);
    const internals = createRequire(import.meta.url)('@apollo/federation-internals') as { operationFromDocument: { [MEMOISED]?: boolean } };
    expect(internals.operationFromDocument[MEMOISED]).toBe(true);
  });

  it('stops the gateway from starting, naming what moved, when another version, a second copy or a missing function is found', () => {
    expect(() => assertFederationInternalsPinned({ ...facts, version: '2.15.0' })).toThrow(/operation-cache\.ts.*version 2\.15\.0 is installed, the replacements were written for 2\.14\.4/);
    expect(() => assertFederationInternalsPinned({ ...facts, resolvedBy: { ...facts.resolvedBy, '@apollo/gateway': '/elsewhere/federation-internals/dist/index.js' } })).toThrow(/more than one copy/);
    expect(() => assertFederationInternalsPinned({ ...facts, operationFromDocument: undefined })).toThrow(/no longer exports operationFromDocument/);
  });
});
