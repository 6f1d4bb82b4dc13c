/** A minimal GraphQL-over-HTTP call for benchmark set-up (not in the measured path). */
export async function gql<D>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<D> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: D; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function demoToken(url: string, credentials: { email: string; password: string }): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(url, `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
    input: { email: credentials.email, password: credentials.password },
  });
  return data.login.accessToken;
}
