import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLFormattedError } from 'graphql';
import { ADMISSION_HEADER, type AdmissionResult } from '@mosaic/kit';
import type { SubgraphHttpClient } from '../fetch/http-client';

/** The owning subgraph does not speak the admission protocol: a standard federation subgraph. */
export type Admission = AdmissionResult | { standard: true };

/**
 * Asks the owning subgraph (over the keep-alive client: thousands of subscribers may join at
 * once), with the subscriber's own credentials, whether it may open the subscription, and which
 * share key its events have (see kit's subscription-admission.ts). A subgraph that answers without
 * the protocol's response header does not speak it (any other federation subgraph serving
 * graphql-ws): `standard`.
 */
export async function requestAdmission(
  http: SubgraphHttpClient,
  primary: FetchNode,
  variables: Record<string, unknown>,
  authorization: string | undefined,
  requestId: string,
): Promise<Admission> {
  const headers: Record<string, string> = { [ADMISSION_HEADER]: '1', 'x-request-id': requestId };
  if (authorization) headers.authorization = authorization;
  try {
    const response = await http.post(JSON.stringify({ query: primary.operation, variables, operationName: primary.operationName ?? null }), headers, 5_000);
    if (response.headers[ADMISSION_HEADER] === '1' && response.status === 200) return JSON.parse(response.body) as AdmissionResult;
    // A refusal of the gateway itself (trust header) or a failing service is not "standard".
    if (response.status === 401 || response.status === 403 || response.status >= 500) return unavailable(primary.serviceName);
    return { standard: true };
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
