import type { ReactNode } from 'react';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** What went wrong, in the server's words, with a way to try again. */
export function ErrorNotice({ error, retry, children }: { error: { message: string } | string; retry?: () => void; children?: ReactNode }) {
  return (
    <div className="error" role="alert">
      <p>{typeof error === 'string' ? error : error.message}</p>
      {children}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
