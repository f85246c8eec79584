/**
 * A search box's text as search_text matches it (records/search-text.ts): lower case, split into
 * at most five terms; a phone-looking term keeps its digits, as search_text stores phones.
 */
export interface SearchTerms {
  terms: string[];
  /** The terms joined by one space: what the ranking compares names and whole words with. */
  phrase: string;
}

export const MAX_TERMS = 5;
/** From this many characters a term is matched anywhere through the trigram index; shorter ones from the start of a word. */
export const LONG_TERM = 3;

export function parseQuery(q: string): SearchTerms {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS)
    .map((term) => (/^\+?[\d()-]+$/.test(term) && /\d/.test(term) ? term.replace(/\D/g, '') : term))
    .filter(Boolean);
  return { terms, phrase: terms.join(' ') };
}

export const isLong = (term: string) => [...term].length >= LONG_TERM;

/** LIKE treats %, _ and \ as its own: escaped, a hostile "%" or "_" matches only itself. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
