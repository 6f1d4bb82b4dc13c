import { SCENARIOS, type Scenario } from './scenarios';

export interface RawResponse {
  status: number;
  text: string;
}

/** Sends one request of the scenario (the n-th body), exactly as the load generator does. */
export async function sendTestQuery(url: string, scenario: Scenario = SCENARIOS.shared, n = 0): Promise<RawResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: scenario.body(n) });
  return { status: response.status, text: await response.text() };
}
