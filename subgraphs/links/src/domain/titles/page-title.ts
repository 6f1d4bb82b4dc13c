import { pageMeta } from '@mosaic/safe-fetch';

/** The page's title: `og:title` when it has one, else `<title>`; one line, at most `max` characters. */
export const pageTitle = (html: string, max: number): string | null => pageMeta(html, max).title;
