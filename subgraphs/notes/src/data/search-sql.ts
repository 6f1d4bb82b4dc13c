import { sql, type SQL } from 'drizzle-orm';

/**
 * The text-search configuration used everywhere: the generated column, queries and headlines
 * must agree, or stemmed lexemes would not match. 'english' stems ("running" and "runs" both find
 * "run") and drops stop words, which is what people expect from a notes search; the price is that
 * notes in other languages get only exact-word matching through English rules. Changing it needs
 * a migration that regenerates the column.
 */
export const SEARCH_CONFIG = 'english';

/** Parses what the user typed with web-search syntax: `"exact phrase"`, `-excluded`, `or`. Never raises a syntax error. */
export const searchQuery = (text: string): SQL => sql`websearch_to_tsquery(${sql.raw(`'${SEARCH_CONFIG}'`)}, ${text})`;

/** Markers ts_headline puts around matches; private-use characters that ordinary text does not contain. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
export const FRAGMENT_DELIMITER = ' … ';

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter="${FRAGMENT_DELIMITER}"`;

/** An excerpt of `document` around the matches of `query`, matches wrapped in the markers above. */
export const headline = (document: SQL, query: SQL): SQL =>
  sql`ts_headline(${sql.raw(`'${SEARCH_CONFIG}'`)}, ${document}, ${query}, ${HEADLINE_OPTIONS})`;
