import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { WebMarkRoomReadDocument, WebMessageEventsDocument, WebRoomMessagesDocument, WebSendMessageDocument, type ChatMessageFragment } from '../../graphql/graphql';
import { ErrorNotice, Loading } from '../../ui/status';
import { formatTime } from '../../ui/format';
import { TypingIndicator, useTypingSignal } from './typing';
import { sawMessage } from './last-seen';
import { MessageText } from './MessageText';
import { ThreadList, ThreadView } from './Threads';

/** A room: its history (newest first from the server), then live events appended as they come. */
export function RoomView({ roomId, onRead }: { roomId: string; onRead: () => void }) {
  const history = useQuery(WebRoomMessagesDocument, { variables: { id: roomId }, fetchPolicy: 'network-only' });
  const [live, setLive] = useState<ChatMessageFragment[]>([]);
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const [markRead] = useMutation(WebMarkRoomReadDocument);
  const lastHistoryId = history.data?.room?.messages.edges[0]?.node.id;
  const events = useSubscription(WebMessageEventsDocument, {
    // Replays what was sent since the history was read: nothing missed, nothing twice.
    variables: { roomId, after: lastHistoryId ?? null },
    skip: !history.data,
    onData: ({ data }) => {
      const event = data.data?.messageEvents;
      if (!event) return;
      if (event.__typename === 'MessageAdded') setLive((messages) => (messages.some((m) => m.id === event.message.id) ? messages : [...messages, event.message]));
      if (event.__typename === 'MessageEdited') setEdits((all) => ({ ...all, [event.message.id]: event.message.text }));
      if (event.__typename === 'MessageDeleted') setEdits((all) => ({ ...all, [event.messageId]: null }));
    },
  });
  const messages = useMemo(() => {
    const older = [...(history.data?.room?.messages.edges.map((edge) => edge.node) ?? [])].reverse();
    const seen = new Set(older.map((m) => m.id));
    return [...older, ...live.filter((m) => !seen.has(m.id))];
  }, [history.data, live]);
  const newest = messages.at(-1)?.id ?? lastHistoryId;

  const [thread, setThread] = useState<ChatMessageFragment | null>(null);

  useEffect(() => {
    if (!newest) return;
    // A reconnect resumes the stream after this one (last-seen.ts).
    sawMessage(roomId, newest);
    void markRead({ variables: { roomId, upToMessageId: newest } }).then(onRead, () => undefined);
  }, [newest, roomId, markRead, onRead]);

  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  if (history.loading && !history.data) return <Loading label="Loading messages…" />;
  if (history.error) return <ErrorNotice error={history.error} retry={() => void history.refetch()} />;
  const room = history.data?.room;
  if (!room) return <ErrorNotice error="This room does not exist or is not open to you." />;
  const name = room.name || 'Direct conversation';
  return (
    <article className="room" aria-labelledby={`room-${roomId}`}>
      <h2 id={`room-${roomId}`}>{name}</h2>
      {events.error && <ErrorNotice error={`Live updates stopped: ${events.error.message}`} />}
      <ol ref={listRef} className="messages" aria-label={`Messages in ${name}`} aria-live="polite">
        {messages.map((message) => {
          const text = message.id in edits ? edits[message.id] : message.text;
          return (
            <li key={message.id}>
              <span className="author">{message.author.displayName}</span> <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
              <p>{text === null || text === undefined ? <em>deleted</em> : <MessageText text={text} mentions={message.mentions} />}</p>
              {text !== null && (
                <button type="button" className="link" onClick={() => setThread(message)} aria-label={`Reply in thread to ${message.author.displayName} at ${formatTime(message.createdAt)}`}>
                  Reply in thread
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <TypingIndicator roomId={roomId} />
      <Composer roomId={roomId} />
      {thread ? <ThreadView key={thread.id} roomId={roomId} root={thread} close={() => setThread(null)} /> : <ThreadList roomId={roomId} open={setThread} />}
    </article>
  );
}

function Composer({ roomId }: { roomId: string }) {
  const [send, { loading, error }] = useMutation(WebSendMessageDocument);
  const [text, setText] = useState('');
  const typing = useTypingSignal(roomId);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    typing.stopped();
    void send({ variables: { input: { roomId, text } } }).then(
      () => setText(''),
      () => undefined,
    );
  };
  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Send a message">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Message
      </label>
      <input
        id={`${id}-text`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value) typing.typed();
          else typing.stopped();
        }}
        placeholder="Write a message"
        maxLength={4000}
        autoComplete="off"
      />
      <button type="submit" disabled={loading || !text.trim()}>
        Send
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
