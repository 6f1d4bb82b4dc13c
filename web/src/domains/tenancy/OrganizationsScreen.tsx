import { useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { adoptAccessToken } from '../../auth/session';
import { WebCreateOrganizationDocument, WebInviteMemberDocument, WebOrganizationsDocument, WebRevokeInvitationDocument, WebSwitchOrganizationDocument, type OrganizationRole, type WebOrganizationsQuery } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { rememberSwitch, useActiveOrganization } from './active-organization';

type Organization = NonNullable<NonNullable<WebOrganizationsQuery['me']>['organizations']>[number]['organization'];
const ROLES: readonly OrganizationRole[] = ['MEMBER', 'ADMIN', 'BILLING', 'OWNER'];
const roleName = (role: string) => role.charAt(0) + role.slice(1).toLowerCase();

export default function OrganizationsScreen() {
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebOrganizationsDocument);
  const memberships = data?.me?.organizations ?? [];
  const active = useActiveOrganization();
  const client = useApolloClient();
  const [switchTo, switching] = useMutation(WebSwitchOrganizationDocument);
  const onSwitch = (organizationId: string | null, name: string | null) =>
    void switchTo({ variables: { organizationId } }).then((result) => {
      const switched = result.data?.switchOrganization;
      if (!switched) return;
      rememberSwitch(switched.organizationId ?? null, name);
      adoptAccessToken(switched.accessToken, switched.accessTokenExpiresAt);
      // What the viewer sees depends on the organisation: nothing cached may carry over.
      void client.resetStore();
    }, () => undefined);
  // The name is remembered with the switch: the list is refetched (empty for a moment) after it.
  const activeName = active.id === null ? 'Personal' : (active.name ?? memberships.find((m) => m.organization.id === active.id)?.organization.name ?? `an organisation (as ${active.role ?? 'member'})`);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Organisations</h1>
      <p role="status" data-testid="active-organization">
        Working in: <strong>{activeName}</strong>{' '}
        {active.id !== null && (
          <button type="button" className="secondary" disabled={switching.loading} onClick={() => onSwitch(null, null)}>
            Switch to personal
          </button>
        )}
      </p>
      {switching.error && <ErrorNotice error={switching.error} />}
      {loading && !data && <Loading label="Loading your organisations…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && memberships.length === 0 && <Empty>You belong to no organisation yet. Create one below.</Empty>}
      {memberships.map(({ organization }) => (
        <OrganizationCard key={organization.id} organization={organization} active={active.id === organization.id} switching={switching.loading} onSwitch={() => onSwitch(organization.id, organization.name)} onChanged={() => void refetch()} />
      ))}
      <NewOrganization onCreated={() => void refetch()} />
    </section>
  );
}

function OrganizationCard({ organization, active, switching, onSwitch, onChanged }: { organization: Organization; active: boolean; switching: boolean; onSwitch: () => void; onChanged: () => void }) {
  const id = useId();
  const manages = organization.viewerRole === 'OWNER' || organization.viewerRole === 'ADMIN';
  return (
    <article className="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>
        {organization.name} {active && <span className="chip-label">active</span>}
      </h2>
      <p className="meta">
        {organization.slug} · your role: {roleName(organization.viewerRole)} · plan {organization.plan.name}
        {organization.plan.maxMembers !== null && ` (up to ${organization.plan.maxMembers} members)`}
      </p>
      {!active && (
        <button type="button" disabled={switching} onClick={onSwitch}>
          Switch to {organization.name}
        </button>
      )}
      <table className="table">
        <caption>Members of {organization.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {organization.members.map((member) => (
            <tr key={member.user.id}>
              <td>{member.user.displayName}</td>
              <td>{roleName(member.role)}</td>
              <td>{formatDateTime(member.joinedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {manages && <Invitations organization={organization} onChanged={onChanged} />}
    </article>
  );
}

function Invitations({ organization, onChanged }: { organization: Organization; onChanged: () => void }) {
  const id = useId();
  const [invite, inviting] = useMutation(WebInviteMemberDocument);
  const [revoke, revoking] = useMutation(WebRevokeInvitationDocument);
  const [link, setLink] = useState<{ email: string; token: string } | null>(null);
  const pending = organization.pendingInvitations ?? [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const role = ROLES.find((r) => r === values.get('role')) ?? 'MEMBER';
    void invite({ variables: { input: { organizationId: organization.id, email: String(values.get('email')).trim(), role } } }).then((result) => {
      const created = result.data?.inviteMember;
      if (!created) return;
      setLink({ email: created.invitation.email, token: created.token });
      form.reset();
      onChanged();
    }, () => undefined);
  };
  return (
    <>
      <h3>Invitations</h3>
      {pending.length === 0 && <Empty>No open invitations.</Empty>}
      <ul aria-label={`Open invitations to ${organization.name}`}>
        {pending.map((invitation) => (
          <li key={invitation.id}>
            {invitation.email} as {roleName(invitation.role)} <span className="meta">· until {formatDateTime(invitation.expiresAt)}</span>{' '}
            <button type="button" className="link" aria-label={`Revoke the invitation of ${invitation.email}`} disabled={revoking.loading} onClick={() => void revoke({ variables: { id: invitation.id } }).then(onChanged, () => undefined)}>
              revoke
            </button>
          </li>
        ))}
      </ul>
      <form className="row-form" onSubmit={onSubmit} aria-label={`Invite to ${organization.name}`}>
        <label htmlFor={`${id}-email`}>Email to invite</label>
        <input id={`${id}-email`} name="email" type="email" required />
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} name="role" defaultValue="MEMBER">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={inviting.loading}>
          Invite
        </button>
      </form>
      {link && (
        <div role="status" className="card">
          <p>
            Invitation for {link.email} created (the invitation e-mail carries the same link). Send them this link; they accept it signed in with any account. It is shown only now:
          </p>
          <p>
            <a href={acceptUrl(link.token)} data-testid="invitation-link">
              {acceptUrl(link.token)}
            </a>
          </p>
          <p>
            Code: <code data-testid="invitation-token">{link.token}</code>
          </p>
        </div>
      )}
      {(inviting.error ?? revoking.error) && <ErrorNotice error={(inviting.error ?? revoking.error)!} />}
    </>
  );
}

function NewOrganization({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const [create, { loading, error }] = useMutation(WebCreateOrganizationDocument);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void create({ variables: { input: { name: String(new FormData(form).get('name')).trim() } } }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="row-form card" onSubmit={onSubmit} aria-label="New organisation">
      <label htmlFor={`${id}-name`}>New organisation name</label>
      <input id={`${id}-name`} name="name" required maxLength={100} />
      <button type="submit" disabled={loading}>
        Create organisation
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

/** This app's accept page (tenancy mails the same shape: TENANCY_INVITATION_URL?token=…). */
function acceptUrl(token: string): string {
  const url = new URL('/app/invitations/accept', window.location.href);
  url.searchParams.set('token', token);
  return url.href;
}
