import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { WebChatMentionsDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { MessageText } from './MessageText';

/** Messages that mention you, newest first, each linking to its room. */
export function Mentions() {
  const { data, loading, error, refetch } = useQuery(WebChatMentionsDocument, { fetchPolicy: 'network-only' });
  const messages = data?.chatMentions?.edges.map((edge) => edge.node) ?? [];
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Mentions</h2>
      {loading && !data && <Loading label="Loading mentions…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && messages.length === 0 && <Empty>Nobody has mentioned you yet.</Empty>}
      <ol className="messages" aria-label="Messages that mention you">
        {messages.map((message) => (
          <li key={message.id}>
            <span className="author">{message.author.displayName}</span> <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>{' '}
            <Link to={`/chat/${message.room.id}`}>{message.room.isDirect ? 'in a direct conversation' : `in ${message.room.name}`}</Link>
            {message.threadRoot && <span className="meta"> (in a thread)</span>}
            <p>
              <MessageText text={message.text} mentions={message.mentions} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
