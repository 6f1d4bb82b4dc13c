import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { acceptsDeferSpec, hasActiveDefer, requestDefers } from '../src/http/incremental-delivery';

describe('the Accept rule for @defer', () => {
  it('accepts multipart/mixed with deferSpec=20220824, as Apollo Client and Router spell it', () => {
    expect(acceptsDeferSpec('multipart/mixed;deferSpec=20220824,application/graphql-response+json,application/json;q=0.9')).toBe(true);
    expect(acceptsDeferSpec('application/json, multipart/mixed; deferSpec=20220824')).toBe(true);
    expect(acceptsDeferSpec('multipart/mixed;incrementalSpec=v0.2, multipart/mixed;deferSpec=20220824')).toBe(true);
  });

  it('refuses JSON only, multipart without the spec, the other incremental format, and q=0', () => {
    for (const accept of [undefined, 'application/json', 'multipart/mixed', 'multipart/mixed;incrementalSpec=v0.2', 'multipart/mixed;deferSpec=20220824;q=0', 'multipart/mixed;subscriptionSpec=1.0']) {
      expect(acceptsDeferSpec(accept)).toBe(false);
    }
  });
});

describe('whether a @defer takes effect', () => {
  const document = parse(`query ($d: Boolean) { me { ... @defer(if: $d) { name } } }`);
  it('follows if: literals and variables', () => {
    expect(hasActiveDefer(parse(`{ me { ... @defer { name } } }`), {})).toBe(true);
    expect(hasActiveDefer(parse(`{ me { ... @defer(if: false) { name } } }`), {})).toBe(false);
    expect(hasActiveDefer(parse(`{ me { ...F @defer(if: true) } } fragment F on User { name }`), {})).toBe(true);
    expect(hasActiveDefer(document, { d: false })).toBe(false);
    expect(hasActiveDefer(document, { d: true })).toBe(true);
    expect(hasActiveDefer(parse(`{ me { name } }`), {})).toBe(false);
  });
});

describe('whether a request defers', () => {
  const request = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    return { contextValue: {} as { activeDefer?: boolean }, document, operation, request: { variables } };
  };

  it("counts the operation's boolean defaults for variables not sent", () => {
    expect(requestDefers(request(`query ($d: Boolean = false) { me { ... @defer(if: $d) { name } } }`))).toBe(false);
    expect(requestDefers(request(`query ($d: Boolean = true) { me { ... @defer(if: $d) { name } } }`))).toBe(true);
    expect(requestDefers(request(`query ($d: Boolean = false) { me { ... @defer(if: $d) { name } } }`, { d: true }))).toBe(true);
  });

  it('is worked out once per request and kept on its context (delivery and the response cache both ask)', () => {
    const context = request(`{ me { ... @defer { name } } }`);
    expect(requestDefers(context)).toBe(true);
    expect(context.contextValue.activeDefer).toBe(true);
    // The second asker gets the kept answer: the document is not walked again.
    context.document = parse(`{ me { name } }`);
    expect(requestDefers(context)).toBe(true);
  });
});
