import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLFormattedError } from 'graphql';
import { ADMISSION_HEADER, GATEWAY_TOKEN_HEADER, type AdmissionResult } from '@mosaic/kit';

/**
 * Asks the owning subgraph, with the subscriber's own credentials, whether it may open the
 * subscription, and which share key its events have (see kit's subscription-admission.ts).
 */
export async function requestAdmission(
  url: string,
  primary: FetchNode,
  variables: Record<string, unknown>,
  authorization: string | undefined,
  requestId: string,
  gatewayToken: (() => string) | undefined,
): Promise<AdmissionResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ADMISSION_HEADER]: '1',
        'x-request-id': requestId,
        ...(gatewayToken ? { [GATEWAY_TOKEN_HEADER]: gatewayToken() } : {}),
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query: primary.operation, variables, operationName: primary.operationName ?? null }),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    return unavailable(primary.serviceName);
  }
  if (!response.ok) return unavailable(primary.serviceName);
  return (await response.json()) as AdmissionResult;
}

function unavailable(serviceName: string): AdmissionResult {
  const error: GraphQLFormattedError = {
    message: `The ${serviceName} service is not reachable right now; try subscribing again shortly.`,
    extensions: { code: 'UNAVAILABLE', serviceName },
  };
  return { admitted: false, errors: [error] };
}
