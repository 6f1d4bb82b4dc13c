import { useId, useState, type FormEvent } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebDirectConversationsDocument, WebOpenDirectConversationDocument } from '../../graphql/graphql';
import { useSession } from '../../auth/session';
import { ErrorNotice, Loading } from '../../ui/status';

/** Direct conversations, named after the other people in them, and starting one with someone from your organisations. */
export function DirectConversations() {
  const { data, loading, error, refetch } = useQuery(WebDirectConversationsDocument);
  const session = useSession();
  const me = session.status === 'signed-in' ? session.viewer.id : null;
  const rooms = data?.chatRooms?.edges.map((edge) => edge.node) ?? [];
  const people = [...new Map((data?.me?.organizations ?? []).flatMap((m) => m.organization.members.map((member) => [member.user.id, member.user] as const))).values()].filter((person) => person.id !== me);
  const nameOf = (room: (typeof rooms)[number]) =>
    room.members.edges
      .map((edge) => edge.node.user)
      .filter((user) => user.id !== me)
      .map((user) => user.displayName)
      .join(', ') || 'Just you';
  return (
    <>
      <h2>Direct messages</h2>
      {loading && !data && <Loading label="Loading conversations…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      <ul aria-label="Direct messages">
        {rooms.map((room) => (
          <li key={room.id}>
            <NavLink to={`/chat/${room.id}`}>
              {nameOf(room)}
              {room.unreadCount ? (
                <span className="badge" aria-label={`${room.unreadCount} unread`}>
                  {room.unreadCount}
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
      {people.length > 0 && <NewConversation people={people} onOpened={() => void refetch()} />}
    </>
  );
}

function NewConversation({ people, onOpened }: { people: readonly { id: string; displayName: string }[]; onOpened: () => void }) {
  const [open, { loading, error }] = useMutation(WebOpenDirectConversationDocument);
  const [userId, setUserId] = useState('');
  const navigate = useNavigate();
  const id = useId();
  const chosen = userId || people[0]!.id;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void open({ variables: { userIds: [chosen] } }).then((result) => {
      onOpened();
      if (result.data?.openDirectConversation) void navigate(`/chat/${result.data.openDirectConversation.id}`);
    }, () => undefined);
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} aria-label="New direct message">
      <label htmlFor={`${id}-user`}>Message someone</label>
      <select id={`${id}-user`} value={chosen} onChange={(event) => setUserId(event.target.value)}>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Open conversation
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
