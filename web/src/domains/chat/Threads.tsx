import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebMarkThreadReadDocument, WebReplyInThreadDocument, WebRoomThreadsDocument, WebThreadRepliesDocument, type ChatMessageFragment } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatTime } from '../../ui/format';
import { MessageText } from './MessageText';

/** A room's threads, most recently replied to first, each with the replies you have not read. */
export function ThreadList({ roomId, open }: { roomId: string; open: (root: ChatMessageFragment) => void }) {
  const { data, loading, error, refetch } = useQuery(WebRoomThreadsDocument, { variables: { roomId }, fetchPolicy: 'cache-and-network' });
  const threads = data?.room?.threads.edges.map((edge) => edge.node) ?? [];
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Threads</h3>
      {loading && !data && <Loading label="Loading threads…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && threads.length === 0 && <Empty>No threads in this room yet.</Empty>}
      <ul aria-label="Threads">
        {threads.map((thread) => (
          <li key={thread.root.id}>
            <button type="button" className="link" onClick={() => open(thread.root)}>
              {thread.root.author.displayName}: <MessageText text={thread.root.text} mentions={thread.root.mentions} />
            </button>{' '}
            <span className="meta">
              {thread.replyCount} {thread.replyCount === 1 ? 'reply' : 'replies'}
            </span>
            {thread.unreadCount ? (
              <span className="badge" aria-label={`${thread.unreadCount} unread in this thread`}>
                {thread.unreadCount}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One thread: its first message, the replies, and replying. A room's threads cannot be looked up
 * by id, so the thread is the one after its predecessor's cursor in the threads list (checked by
 * its root; a thread without replies yet has none to show).
 */
export function ThreadView({ roomId, root, close }: { roomId: string; root: ChatMessageFragment; close: () => void }) {
  const list = useQuery(WebRoomThreadsDocument, { variables: { roomId }, fetchPolicy: 'network-only' });
  const edges = list.data?.room?.threads.edges ?? [];
  const index = edges.findIndex((edge) => edge.node.root.id === root.id);
  const after = index > 0 ? edges[index - 1]!.cursor : null;
  const thread = useQuery(WebThreadRepliesDocument, { variables: { roomId, after }, skip: index < 0, fetchPolicy: 'network-only' });
  const found = thread.data?.room?.threads.edges[0]?.node;
  const replies = found && found.root.id === root.id ? found.replies.edges.map((edge) => edge.node) : [];
  const [markRead] = useMutation(WebMarkThreadReadDocument);
  const newest = replies.at(-1)?.id;
  // Reading the thread moves its read marker (the thread list's unread count follows from the answer).
  useEffect(() => {
    if (newest) void markRead({ variables: { messageId: root.id, upToMessageId: newest } }).catch(() => undefined);
  }, [newest, root.id, markRead]);
  const reload = () => void list.refetch().then(() => thread.refetch());
  const id = useId();
  return (
    <section className="thread" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Thread</h3>
      <button type="button" onClick={close}>
        Close thread
      </button>
      <p>
        <span className="author">{root.author.displayName}</span> <time dateTime={root.createdAt}>{formatTime(root.createdAt)}</time>
      </p>
      <p>
        <MessageText text={root.text} mentions={root.mentions} />
      </p>
      {(list.loading || thread.loading) && !thread.data && index >= 0 && <Loading label="Loading replies…" />}
      {(list.error ?? thread.error) && <ErrorNotice error={(list.error ?? thread.error)!} retry={reload} />}
      {list.data && replies.length === 0 && !thread.loading && <Empty>No replies yet.</Empty>}
      <ol className="messages" aria-label="Replies in the thread">
        {replies.map((reply) => (
          <li key={reply.id}>
            <span className="author">{reply.author.displayName}</span> <time dateTime={reply.createdAt}>{formatTime(reply.createdAt)}</time>
            <p>
              <MessageText text={reply.text} mentions={reply.mentions} />
            </p>
          </li>
        ))}
      </ol>
      <ReplyComposer roomId={roomId} rootId={root.id} onSent={reload} />
    </section>
  );
}

function ReplyComposer({ roomId, rootId, onSent }: { roomId: string; rootId: string; onSent: () => void }) {
  const [send, { loading, error }] = useMutation(WebReplyInThreadDocument);
  const [text, setText] = useState('');
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void send({ variables: { input: { roomId, text, threadRootId: rootId } } }).then(() => {
      setText('');
      onSent();
    }, () => undefined);
  };
  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Reply in the thread">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Reply
      </label>
      <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} placeholder="Reply in the thread" maxLength={4000} autoComplete="off" />
      <button type="submit" disabled={loading || !text.trim()}>
        Reply
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
