import { useId, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { WebAddCommentDocument, WebLikePostDocument, WebPostDocument, WebUnlikePostDocument, type PostCommentFragment } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export function PostView() {
  const { slug = '' } = useParams();
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebPostDocument, { variables: { slug } });
  const [like, liking] = useMutation(WebLikePostDocument);
  const [unlike, unliking] = useMutation(WebUnlikePostDocument);
  if (loading && !data) return <Loading label="Loading the post…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const post = data?.postBySlug;
  if (!post) return <Empty>This post does not exist (or is not published). <Link to="..">All posts</Link></Empty>;
  const toggleLike = () => void (post.viewerHasLiked ? unlike : like)({ variables: { id: post.id } }).then(() => refetch(), () => undefined);
  const likeError = liking.error ?? unliking.error;
  return (
    <article aria-labelledby={`${id}-title`}>
      <p>
        <Link to="..">← All posts</Link>
      </p>
      <h1 id={`${id}-title`}>{post.title}</h1>
      <p className="meta">
        {post.author.displayName}
        {post.publishedAt && (
          <>
            {' · '}
            <time dateTime={post.publishedAt}>{formatDateTime(post.publishedAt)}</time>
          </>
        )}{' '}
        · {post.readingMinutes} min read
      </p>
      {/* Rendered and sanitised by the blog (allowlisted elements, no scripts or handlers); the page's CSP forbids inline script too. */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <p>
        <button type="button" aria-pressed={post.viewerHasLiked ?? false} disabled={liking.loading || unliking.loading} onClick={toggleLike}>
          {post.viewerHasLiked ? '♥ Liked' : '♡ Like'}
        </button>{' '}
        <span data-testid="like-count">
          {post.likeCount} {post.likeCount === 1 ? 'like' : 'likes'}
        </span>
      </p>
      {likeError && <ErrorNotice error={likeError} />}
      <section aria-labelledby={`${id}-comments`}>
        <h2 id={`${id}-comments`}>Comments ({post.commentCount})</h2>
        {post.comments.edges.length === 0 && <Empty>No comments yet.</Empty>}
        <ul className="comments" aria-label="Comments">
          {post.comments.edges.map(({ node }) => (
            <li key={node.id}>
              <CommentBody comment={node} />
              {node.replies.edges.length > 0 && (
                <ul className="comments" aria-label={`Replies to ${node.author.displayName}`}>
                  {node.replies.edges.map(({ node: reply }) => (
                    <li key={reply.id}>
                      <CommentBody comment={reply} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <NewComment postId={post.id} onAdded={() => void refetch()} />
      </section>
    </article>
  );
}

function CommentBody({ comment }: { comment: PostCommentFragment }) {
  return (
    <>
      <p className="meta">
        <span className="author">{comment.author.displayName}</span> · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.status === 'PENDING' && ' · awaiting moderation'}
      </p>
      {comment.deleted ? <p className="meta">(deleted)</p> : <div dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />}
    </>
  );
}

function NewComment({ postId, onAdded }: { postId: string; onAdded: () => void }) {
  const id = useId();
  const [add, { data, loading, error }] = useMutation(WebAddCommentDocument);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) return;
    void add({ variables: { input: { postId, bodyMarkdown: body } } }).then(() => {
      form.reset();
      onAdded();
    }, () => undefined);
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} aria-label="New comment">
      <label htmlFor={`${id}-body`}>Your comment (Markdown)</label>
      <textarea id={`${id}-body`} name="body" rows={3} required maxLength={5000} />
      <button type="submit" disabled={loading}>
        {loading ? 'Posting…' : 'Post comment'}
      </button>
      {data?.addComment?.status === 'PENDING' && <p role="status">Thanks — your comment will appear once a moderator approves it.</p>}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
