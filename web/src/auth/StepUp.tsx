import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { WebStepUpDocument } from '../graphql/graphql';
import { errorCode } from '../ui/errors';
import { ErrorNotice } from '../ui/status';
import { graphqlRequest } from './graphql-request';
import { adoptAccessToken, session } from './session';

/**
 * Operations that move money answer STEP_UP_REQUIRED until the session has proved its second
 * factor recently. `run(task)` runs the task; on that answer it asks for a code from the
 * authenticator app, calls accounts' `stepUp(code)`, adopts the access token it returns (the
 * session's other requests use it too) and runs the same task again — callers keep their
 * idempotency key, so a retry cannot move the money twice.
 */
export function useStepUp(): { run: <T>(task: () => Promise<T>) => Promise<T | undefined>; prompt: ReactNode } {
  const [pending, setPending] = useState<{ retry: () => Promise<unknown>; settle: (value: unknown) => void } | null>(null);
  function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    return task().catch((error: unknown) => {
      if (errorCode(error) !== 'STEP_UP_REQUIRED') throw error;
      return new Promise<T | undefined>((settle) => setPending({ retry: task, settle: settle as (value: unknown) => void }));
    });
  }
  const prompt = pending && (
    <StepUpPrompt
      onVerified={() => {
        setPending(null);
        pending.retry().then(pending.settle, () => pending.settle(undefined));
      }}
      onCancel={() => {
        setPending(null);
        pending.settle(undefined);
      }}
    />
  );
  return { run, prompt };
}

function StepUpPrompt({ onVerified, onCancel }: { onVerified: () => void; onCancel: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setBusy(true);
    setFailure(null);
    graphqlRequest(WebStepUpDocument, { code }, session.accessToken ?? undefined)
      .then((data) => {
        if (!data.stepUp) throw new Error('The code was not accepted.');
        adoptAccessToken(data.stepUp.accessToken, data.stepUp.accessTokenExpiresAt);
        onVerified();
      })
      .catch((error: Error) => setFailure(error.message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="card step-up" role="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-why`}>
      <h2 id={`${id}-title`}>Confirm it is you</h2>
      <p id={`${id}-why`}>This needs a fresh code from your authenticator app (or a recovery code). Two-factor authentication is turned on under Security.</p>
      <form className="row-form" onSubmit={onSubmit} aria-label="Second factor">
        <label htmlFor={`${id}-code`}>Authentication code</label>
        <input id={`${id}-code`} name="code" required autoComplete="one-time-code" inputMode="numeric" autoFocus />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Confirm'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </form>
      {failure && <ErrorNotice error={failure} />}
    </div>
  );
}

/** A mutation's error worth showing: STEP_UP_REQUIRED is handled by the prompt instead. */
export function shownError<E>(error: E | undefined): E | undefined {
  return error && errorCode(error) !== 'STEP_UP_REQUIRED' ? error : undefined;
}
