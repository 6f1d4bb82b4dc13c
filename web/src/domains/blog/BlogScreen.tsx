import { useDeferredValue, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, Route, Routes } from 'react-router';
import { WebPostsDocument } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { PostView } from './PostView';

export default function BlogScreen() {
  return (
    <Routes>
      <Route index element={<PostList />} />
      <Route path=":slug" element={<PostView />} />
    </Routes>
  );
}

function PostList() {
  const id = useId();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const deferred = useDeferredValue(search.trim());
  const { data, loading, error, refetch } = useQuery(WebPostsDocument, { variables: { filter: { search: deferred || null, tag } } });
  const posts = data?.posts.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Blog</h1>
      <form className="row-form" role="search" aria-label="Search posts" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-search`}>Search posts</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        {tag && (
          <button type="button" className="chip" aria-pressed="true" onClick={() => setTag(null)}>
            #{tag} <span className="visually-hidden">(remove tag filter)</span>×
          </button>
        )}
      </form>
      {loading && !data && <Loading label="Loading posts…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && posts.length === 0 && <Empty>No posts match.</Empty>}
      <ul className="post-list" aria-label="Posts">
        {posts.map((post) => (
          <li key={post.id} className="card">
            <h2>
              <Link to={post.slug}>{post.title}</Link>
            </h2>
            <p className="meta">
              {post.author.displayName}
              {post.publishedAt && (
                <>
                  {' · '}
                  <time dateTime={post.publishedAt}>{formatDateTime(post.publishedAt)}</time>
                </>
              )}{' '}
              · {post.readingMinutes} min read · {post.likeCount} likes · {post.commentCount} comments
            </p>
            <p>{post.excerpt}</p>
            <p>
              {post.tags.map((name) => (
                <button key={name} type="button" className="chip" aria-pressed={tag === name} onClick={() => setTag(name)}>
                  #{name}
                </button>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
