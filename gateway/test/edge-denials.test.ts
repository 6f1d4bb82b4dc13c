import { describe, expect, it } from 'vitest';
import type { Viewer } from '@mosaic/kit';
import { accessRequirements } from '../src/authorization/access-requirements';
import { denialFor } from '../src/authorization/edge-authorization';

const viewer = (roles: string[], scopes: string[], clientId?: string): Viewer => ({ userId: 'u1', sessionId: 's1', roles, scopes: new Set(scopes), amr: [], ...(clientId ? { clientId } : {}) });

const requirements = accessRequirements(`
  type Query { a: String }
  type Account @authenticated { id: ID! balance: Int @requiresScopes(scopes: [["money:read"], ["admin:all"]]) }
  type User { id: ID! account: Account todos: [String] @policy(policies: [["self"]]) audit: [String] @policy(policies: [["admin"], ["self", "admin"]]) }
`);
const of = (type: string, field: string, returns: string) => requirements.of(type, field, returns)!;

describe('edge denials (kit semantics, decided before planning)', () => {
  it('combines the parent type, the field and the returned type', () => {
    expect(of('User', 'account', 'Account')).toEqual({ authenticated: true, scopes: [], policies: [] });
    expect(of('Account', 'balance', 'Int')).toEqual({ authenticated: true, scopes: [['money:read'], ['admin:all']], policies: [] });
    expect(requirements.of('User', 'id', 'ID')).toBeNull();
  });

  it('denies anonymous callers what needs a user or a scope, and scopes a user lacks (any one alternative suffices)', () => {
    expect(denialFor(of('User', 'account', 'Account'), null)).toBe('unauthenticated');
    expect(denialFor(of('Account', 'balance', 'Int'), viewer(['user'], []))).toBe('scope');
    expect(denialFor(of('Account', 'balance', 'Int'), viewer(['user'], ['admin:all']))).toBeNull();
  });

  it('keeps an app to what a scope covers', () => {
    expect(denialFor(of('User', 'account', 'Account'), viewer(['user'], ['money:read'], 'app-1'))).toBe('app');
    expect(denialFor(of('Account', 'balance', 'Int'), viewer([], ['money:read'], 'app-1'))).toBeNull();
  });

  it('decides only viewer-only policies: admin is checked, an alternative with self is left to the subgraph', () => {
    expect(denialFor(of('User', 'todos', 'String'), viewer(['user'], []))).toBeNull();
    expect(denialFor(of('User', 'todos', 'String'), null)).toBeNull();
    // [["admin"], ["self", "admin"]]: both alternatives need admin, which this viewer is not.
    expect(denialFor(of('User', 'audit', 'String'), viewer(['user'], []))).toBe('policy');
    expect(denialFor(of('User', 'audit', 'String'), viewer(['admin'], []))).toBeNull();
  });
});
