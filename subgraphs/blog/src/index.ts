import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { blogEnv } from './env';
import { seedBlog } from './seed';

const EVERYONE = ['user', 'author', 'editor', 'staff', 'admin'];

export default defineSubgraph(import.meta.url, {
  scopes: {
    'blog:write': { description: 'Write posts: yours as an author; anyone\'s as an editor.', roles: ['author', 'editor', 'admin'] },
    'blog:moderate': { description: 'Moderate comments on the blog.', roles: ['editor', 'admin'] },
    'blog:comment': { description: 'Comment on and like blog posts.', roles: EVERYONE },
  },
  settings: blogEnv,
  deployment: {
    // Feeds at /blog/feed.xml and /blog/atom.xml, post pages at /blog/posts/<slug>. A whole-segment
    // prefix: a short link /blogs or /blog-x still goes to links.
    publicPaths: ['/blog'],
  },
  // Consumes account.deleted (and its own events for live streams): admins see and replay dead letters.
  deadLetterAdmin: true,
  seed: seedBlog,
  build: buildSubgraph,
});
