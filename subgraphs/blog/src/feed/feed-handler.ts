import type { IncomingMessage, ServerResponse } from 'node:http';
import { Feed } from 'feed';
import { pathOf, type Db, type Logger, type RequestHandler } from '@mosaic/kit';
import { findLatestPublished, findPostIdBySlug, findPostsByIds } from '../data/post-repo';
import type { PostRow } from '../data/tables';
import type { BlogSettings } from '../env';
import { SLUG_PATTERN } from '../domain/content/slugs';
import { FEED_PATHS, postPath, postUrl } from './paths';
import { postPage } from './post-page';

export interface FeedDeps {
  db: Db;
  log: Logger;
  settings: BlogSettings;
}


/** Feeds change when a post is published; readers poll them, so a minute of caching costs nothing. */
const CACHE = 'public, max-age=60';

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function buildFeed(settings: BlogSettings, posts: PostRow[]): Feed {
  const feed = new Feed({
    id: `${settings.publicUrl}/blog`,
    title: settings.title,
    description: `The newest posts of ${settings.title}.`,
    link: `${settings.publicUrl}/blog`,
    feedLinks: { rss: `${settings.publicUrl}${FEED_PATHS.rss}`, atom: `${settings.publicUrl}${FEED_PATHS.atom}` },
    updated: posts[0]?.publishedAt ?? new Date(0),
    copyright: settings.title,
    generator: 'Mosaic blog',
  });
  for (const post of posts) {
    feed.addItem({
      title: post.title,
      id: `${settings.publicUrl}/blog/posts/${post.id}`,
      guid: post.id,
      link: postUrl(settings, post.slug),
      date: post.updatedAt,
      published: post.publishedAt!,
      description: post.excerpt,
      // Already sanitised when saved; the feed library escapes it into CDATA / XML text.
      content: post.bodyHtml,
      category: post.tags.map((tag) => ({ name: tag, term: tag })),
      ...(post.coverImageUrl ? { image: post.coverImageUrl } : {}),
    });
  }
  return feed;
}

/**
 * The blog's public HTTP under `/blog` (`deployment.publicPaths`): RSS 2.0 at `/blog/feed.xml`,
 * Atom 1.0 at `/blog/atom.xml` (the newest BLOG_FEED_SIZE published posts), and a plain page per
 * published post at `/blog/posts/<slug>` — an earlier slug answers 301 to the current one.
 */
export function feedHandler(deps: FeedDeps): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n', { allow: 'GET, HEAD' });
    const path = pathOf(req.url);
    try {
      if (path === FEED_PATHS.rss || path === FEED_PATHS.atom) {
        const feed = buildFeed(deps.settings, await findLatestPublished(deps.db, deps.settings.feedSize));
        return path === FEED_PATHS.rss
          ? send(req, res, 200, 'application/rss+xml; charset=utf-8', feed.rss2(), { 'cache-control': CACHE })
          : send(req, res, 200, 'application/atom+xml; charset=utf-8', feed.atom1(), { 'cache-control': CACHE });
      }
      const slug = /^\/blog\/posts\/([^/]+)$/.exec(path)?.[1]?.toLowerCase();
      if (slug && SLUG_PATTERN.test(slug)) {
        const postId = await findPostIdBySlug(deps.db, slug);
        const [post] = postId ? await findPostsByIds(deps.db, [postId]) : [];
        if (post?.status === 'published') {
          if (post.slug !== slug) return send(req, res, 301, 'text/plain; charset=utf-8', `Moved to ${postUrl(deps.settings, post.slug)}\n`, { location: postPath(post.slug) });
          return send(req, res, 200, 'text/html; charset=utf-8', postPage(deps.settings, post), { 'cache-control': CACHE, 'content-security-policy': "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'" });
        }
      }
      return send(req, res, 404, 'text/plain; charset=utf-8', 'No such page on the blog.\n');
    } catch (error) {
      deps.log.error({ err: error, path }, 'blog public page failed');
      return send(req, res, 500, 'text/plain; charset=utf-8', 'The blog could not answer; try again.\n');
    }
  };
}
