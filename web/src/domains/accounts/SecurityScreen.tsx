import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebBeginTotpEnrollmentDocument, WebConfirmTotpEnrollmentDocument, WebTwoFactorStatusDocument } from '../../graphql/graphql';
import { adoptAccessToken } from '../../auth/session';
import { ErrorNotice, Loading } from '../../ui/status';

/** Two-factor authentication: turn on TOTP (QR code or secret, then a code), see recovery codes once. */
export default function SecurityScreen() {
  const status = useQuery(WebTwoFactorStatusDocument);
  const [begin, beginning] = useMutation(WebBeginTotpEnrollmentDocument);
  const [confirm, confirming] = useMutation(WebConfirmTotpEnrollmentDocument);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const id = useId();
  const enrollment = beginning.data?.beginTotpEnrollment;
  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).replace(/\s/g, '');
    void confirm({ variables: { code } }).then(
      ({ data }) => {
        const enabled = data?.confirmTotpEnrollment;
        if (!enabled) return;
        // Enabling signs every other session out and hands this one a token that proved the factor.
        adoptAccessToken(enabled.accessToken, enabled.accessTokenExpiresAt);
        setRecoveryCodes(enabled.recoveryCodes);
        void status.refetch();
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Security</h1>
      <h2>Two-factor authentication</h2>
      {status.loading && !status.data && <Loading />}
      {status.error && <ErrorNotice error={status.error} retry={() => void status.refetch()} />}
      {recoveryCodes && (
        <div role="status">
          <p>Two-factor authentication is on. Keep these recovery codes somewhere safe; each works once, and they are not shown again:</p>
          <ul aria-label="Recovery codes" className="codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.data?.me?.twoFactor?.enabled && !recoveryCodes && <p>On — {status.data.me.twoFactor.recoveryCodesRemaining} recovery codes left.</p>}
      {status.data?.me?.twoFactor && !status.data.me.twoFactor.enabled && !enrollment && (
        <button type="button" onClick={() => void begin().catch(() => undefined)} disabled={beginning.loading}>
          Turn on two-factor authentication
        </button>
      )}
      {beginning.error && <ErrorNotice error={beginning.error} />}
      {enrollment && !recoveryCodes && (
        <form onSubmit={onConfirm} aria-label="Confirm two-factor authentication">
          <p>Scan this code with an authenticator app, or enter the secret by hand.</p>
          <img src={enrollment.qrCodeDataUrl} alt="QR code for your authenticator app" width={180} height={180} />
          <p>
            Secret: <code data-testid="totp-secret">{enrollment.secret}</code>
          </p>
          <label htmlFor={`${id}-code`}>Code from the app</label>
          <input id={`${id}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" required />
          <button type="submit" disabled={confirming.loading}>
            Turn on
          </button>
          {confirming.error && <ErrorNotice error={confirming.error} />}
        </form>
      )}
    </section>
  );
}
