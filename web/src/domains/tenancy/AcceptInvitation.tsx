import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { WebAcceptInvitationDocument } from '../../graphql/graphql';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../ui/status';

/**
 * The page the invitation e-mail links to (`TENANCY_INVITATION_URL`, default
 * `/app/invitations/accept?token=…`). Signed out, the app shows sign-in first and then this page
 * at the same address; accepting joins the organisation with the invitation's role, signed in as
 * whoever you are (an invitation is not tied to the address it was mailed to).
 */
export default function AcceptInvitation() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [accept, { data, loading, error }] = useMutation(WebAcceptInvitationDocument);
  const session = useSession();
  const id = useId();
  const joined = data?.acceptInvitation;
  return (
    <section aria-labelledby={`${id}-title`} className="auth">
      <h1 id={`${id}-title`}>Invitation</h1>
      {!token && <ErrorNotice error="This link has no invitation token. Open the link from the invitation e-mail again." />}
      {token && !joined && (
        <>
          <p>
            You were invited to join an organisation. Accept to join it as <strong>{session.status === 'signed-in' ? session.viewer.displayName : 'yourself'}</strong>; the link works once.
          </p>
          <button type="button" disabled={loading} onClick={() => void accept({ variables: { token } }).catch(() => undefined)}>
            {loading ? 'Accepting…' : 'Accept invitation'}
          </button>
        </>
      )}
      {error && <ErrorNotice error={error} />}
      {joined && (
        <p role="status">
          You joined {joined.organization.name} as {joined.role.toLowerCase()}. <Link to="/organizations">Go to your organisations</Link>
        </p>
      )}
    </section>
  );
}
