import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { register } from '../../auth/session';
import { ErrorNotice } from '../../ui/status';

export function RegisterScreen() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const id = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    register(String(form.get('email')), String(form.get('password')), String(form.get('displayName') ?? ''))
      .then(() => navigate('/'))
      .catch((caught: Error) => {
        setError(caught.message);
        setBusy(false);
      });
  };

  return (
    <main className="auth" id="main">
      <h1>Mosaic</h1>
      <form onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Create an account</h2>
        <label htmlFor={`${id}-name`}>Display name</label>
        <input id={`${id}-name`} name="displayName" autoComplete="nickname" />
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required />
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="new-password" minLength={10} required aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="hint">
          At least 10 characters.
        </p>
        {error && <ErrorNotice error={error} />}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
        <p>
          Have an account? <Link to="/">Sign in</Link>
        </p>
      </form>
    </main>
  );
}
