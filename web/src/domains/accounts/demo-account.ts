/**
 * The local demo account, when the server offers one: the all-in-one process (development) serves
 * /app/demo.json with the seeded demo user; production never does, and then no button is shown.
 */
export interface DemoAccount {
  email: string;
  password: string;
}

export async function fetchDemoAccount(): Promise<DemoAccount | null> {
  try {
    const response = await fetch(new URL('/app/demo.json', window.location.href));
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<DemoAccount>;
    return typeof body.email === 'string' && typeof body.password === 'string' ? { email: body.email, password: body.password } : null;
  } catch {
    return null;
  }
}
