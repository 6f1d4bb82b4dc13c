import type { JsonObject } from './apollo-internals';

/**
 * An empty object for response data with nothing inherited, as Apollo's `Object.create(null)` —
 * so a field named `constructor`, `toString` or `__proto__` is an ordinary own property — but
 * in V8's fast mode: `Object.create(null)` makes dictionary-mode objects, which are about 2.5×
 * slower to fill and to serialise (`JSON.stringify`) than objects built by a constructor whose
 * prototype is itself an empty null-prototype object.
 */
function ResponseObject(): void {}
ResponseObject.prototype = Object.create(null) as object;

export function responseObject(): JsonObject {
  return new (ResponseObject as unknown as new () => JsonObject)();
}
