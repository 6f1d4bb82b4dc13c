/**
 * Variables a subscription resumes with. graphql-ws sends the same payload again each time it
 * reconnects (a new token, a dropped network), and serialises it anew each time; a payload whose
 * `variables` are read through `resumed` therefore carries what the screen last saw — e.g. chat's
 * `after`: the newest message this tab has, so the server replays only what came since.
 */
type Resume = (variables: Record<string, unknown>) => Record<string, unknown>;

const resumers = new Map<string, Resume>();

/** Registers how `operationName`'s variables are brought up to date on a resubscription. */
export function resumeWith(operationName: string, resume: Resume): void {
  resumers.set(operationName, resume);
}

/** The payload, its variables worked out whenever it is sent. */
export function resumed<Payload extends { operationName?: string | null; variables?: Record<string, unknown> | null }>(payload: Payload): Payload {
  const resume = payload.operationName ? resumers.get(payload.operationName) : undefined;
  if (!resume) return payload;
  const initial = payload.variables ?? {};
  const copy = { ...payload };
  Object.defineProperty(copy, 'variables', { enumerable: true, get: () => resume(initial) });
  return copy;
}
