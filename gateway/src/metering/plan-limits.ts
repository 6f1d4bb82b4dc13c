import { decodeId, encodeId, GATEWAY_TOKEN_HEADER, type GatewayRequestSigner } from '@mosaic/kit';

/** An organisation's plan as metering needs it; null limit = unlimited. */
export interface PlanLimit {
  plan: string;
  planName: string;
  maxApiCallsPerMonth: number | null;
}

/** Plans of organisations by raw id; null for an organisation the owner does not know (e.g. deleted). Throws when it cannot answer. */
export type PlanLookup = (organizationIds: readonly string[]) => Promise<Map<string, PlanLimit | null>>;

const QUERY = `query MeteringEntitlements($ids: [ID!]!) { organizationEntitlements(ids: $ids) { organizationId plan planName maxApiCallsPerMonth } }`;
const MAX_IDS = 100;

interface EntitlementsResponse {
  data?: { organizationEntitlements: ({ organizationId: string; plan: string; planName: string; maxApiCallsPerMonth: number | null } | null)[] } | null;
  errors?: { message: string }[];
}

/**
 * Asks the subgraph owning organisations (tenancy's internal, `@inaccessible` `organizationEntitlements`)
 * directly, signed like every gateway request: the field is not in the API clients reach, so only
 * the gateway can ask. 100 ids per request.
 */
export function subgraphPlanLookup(options: { url: string; sign?: GatewayRequestSigner | undefined; timeoutMs: number }): PlanLookup {
  const path = new URL(options.url).pathname;
  const ask = async (ids: readonly string[]) => {
    const body = JSON.stringify({ query: QUERY, variables: { ids: ids.map((id) => encodeId('Organization', id)) } });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.sign) headers[GATEWAY_TOKEN_HEADER] = options.sign({ method: 'POST', path, body });
    const response = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
    const result = (await response.json()) as EntitlementsResponse;
    if (!result.data || result.errors) throw new Error(`plan lookup failed (HTTP ${response.status}): ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    return result.data.organizationEntitlements;
  };
  return async (organizationIds) => {
    const limits = new Map<string, PlanLimit | null>();
    for (let at = 0; at < organizationIds.length; at += MAX_IDS) {
      const ids = organizationIds.slice(at, at + MAX_IDS);
      const answers = await ask(ids);
      for (const id of ids) limits.set(id, null);
      for (const answer of answers) {
        if (answer) limits.set(decodeId('Organization', answer.organizationId), { plan: answer.plan, planName: answer.planName, maxApiCallsPerMonth: answer.maxApiCallsPerMonth });
      }
    }
    return limits;
  };
}
