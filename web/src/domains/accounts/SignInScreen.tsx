import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { completeSignIn, signIn } from '../../auth/session';
import { ErrorNotice } from '../../ui/status';
import { fetchDemoAccount, type DemoAccount } from './demo-account';

export function SignInScreen({ notice }: { notice?: string | undefined }) {
  const [challenge, setChallenge] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount | null>(null);
  const id = useId();

  useEffect(() => {
    void fetchDemoAccount().then(setDemo);
  }, []);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  };

  const withPassword = (email: string, password: string) =>
    run(async () => {
      const outcome = await signIn(email, password);
      if (outcome.kind === 'second-factor') {
        setChallenge(outcome.challenge);
        setBusy(false);
      }
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void withPassword(String(form.get('email')), String(form.get('password')));
  };

  const onCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s/g, '');
    void run(() => completeSignIn(challenge!, code));
  };

  return (
    <main className="auth" id="main">
      <h1>Mosaic</h1>
      {notice && <p role="status">{notice}</p>}
      {challenge ? (
        <form onSubmit={onCode} aria-labelledby={`${id}-2fa`}>
          <h2 id={`${id}-2fa`}>Two-factor authentication</h2>
          <p>Enter the 6-digit code from your authenticator app, or a recovery code.</p>
          <label htmlFor={`${id}-code`}>Code</label>
          <input id={`${id}-code`} name="code" autoComplete="one-time-code" inputMode="numeric" required autoFocus />
          {error && <ErrorNotice error={error} />}
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Verify'}
          </button>
          <button type="button" className="link" onClick={() => setChallenge(null)}>
            Use another account
          </button>
        </form>
      ) : (
        <form onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>Sign in</h2>
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="username" required />
          <label htmlFor={`${id}-password`}>Password</label>
          <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
          {error && <ErrorNotice error={error} />}
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {demo && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void withPassword(demo.email, demo.password)}>
              Sign in as demo user
            </button>
          )}
          <p>
            No account? <Link to="/register">Create one</Link>
          </p>
        </form>
      )}
    </main>
  );
}
