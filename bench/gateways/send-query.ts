import { TEST_REQUEST_BODY } from './query';

export interface RawResponse {
  status: number;
  text: string;
}

/** Sends the benchmark query once, exactly as the load generator does. */
export async function sendTestQuery(url: string): Promise<RawResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_REQUEST_BODY });
  return { status: response.status, text: await response.text() };
}
