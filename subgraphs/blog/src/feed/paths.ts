import type { BlogSettings } from '../env';

/** The blog's public URLs, all under the `/blog` prefix it declares. */
export const FEED_PATHS = { rss: '/blog/feed.xml', atom: '/blog/atom.xml' } as const;
export const postPath = (slug: string) => `/blog/posts/${slug}`;
export const postUrl = (settings: BlogSettings, slug: string) => `${settings.publicUrl}${postPath(slug)}`;
