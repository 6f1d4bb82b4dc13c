import { useId } from 'react';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { WebChatRoomsDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { RoomView } from './RoomView';
import { DirectConversations } from './DirectConversations';
import { Mentions } from './Mentions';

export default function ChatScreen() {
  const { data, loading, error, refetch } = useQuery(WebChatRoomsDocument);
  const rooms = data?.chatRooms?.edges.map((edge) => edge.node) ?? [];
  const id = useId();
  return (
    <section className="chat" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="visually-hidden">
        Chat
      </h1>
      <nav aria-label="Conversations" className="rooms">
        <h2>Rooms</h2>
        {loading && !data && <Loading label="Loading rooms…" />}
        {error && <ErrorNotice error={error} retry={() => void refetch()} />}
        {data && rooms.length === 0 && <Empty>No rooms yet.</Empty>}
        <ul aria-label="Rooms">
          {rooms.map((room) => (
            <li key={room.id}>
              <NavLink to={`/chat/${room.id}`}>
                {room.name}
                {room.unreadCount ? (
                  <span className="badge" aria-label={`${room.unreadCount} unread`}>
                    {room.unreadCount}
                  </span>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
        <DirectConversations />
        <p>
          <NavLink to="/chat/mentions">Mentions of you</NavLink>
        </p>
      </nav>
      <Routes>
        <Route path="mentions" element={<Mentions />} />
        <Route path=":roomId" element={<RoomRoute onRead={() => void refetch()} />} />
        <Route path="*" element={<Empty>Choose a room.</Empty>} />
      </Routes>
    </section>
  );
}

function RoomRoute({ onRead }: { onRead: () => void }) {
  const { roomId } = useParams();
  return roomId ? <RoomView key={roomId} roomId={roomId} onRead={onRead} /> : null;
}
