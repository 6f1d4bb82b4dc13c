import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLFormattedError } from 'graphql';
import { ADMISSION_HEADER, GATEWAY_TOKEN_HEADER, type AdmissionResult } from '@mosaic/kit';
import type { SubgraphHttpClient } from '../fetch/http-client';

/**
 * Asks the owning subgraph (over the keep-alive client: thousands of subscribers may join at once), with the subscriber's own credentials, whether it may open the
 * subscription, and which share key its events have (see kit's subscription-admission.ts).
 */
export async function requestAdmission(
  http: SubgraphHttpClient,
  primary: FetchNode,
  variables: Record<string, unknown>,
  authorization: string | undefined,
  requestId: string,
  gatewayToken: (() => string) | undefined,
): Promise<AdmissionResult> {
  const headers: Record<string, string> = { [ADMISSION_HEADER]: '1', 'x-request-id': requestId };
  if (gatewayToken) headers[GATEWAY_TOKEN_HEADER] = gatewayToken();
  if (authorization) headers.authorization = authorization;
  try {
    const response = await http.post(JSON.stringify({ query: primary.operation, variables, operationName: primary.operationName ?? null }), headers, 5_000);
    if (response.status !== 200) return unavailable(primary.serviceName);
    return JSON.parse(response.body) as AdmissionResult;
  } catch {
    return unavailable(primary.serviceName);
  }
}

function unavailable(serviceName: string): AdmissionResult {
  const error: GraphQLFormattedError = {
    message: `The ${serviceName} service is not reachable right now; try subscribing again shortly.`,
    extensions: { code: 'UNAVAILABLE', serviceName },
  };
  return { admitted: false, errors: [error] };
}
