/**
 * The words a record is found by: lower case, accents dropped ("Zoë Ångström" → zoe, angstrom),
 * split at anything that is not a letter or digit. A CUSIP or an account is also kept whole, so
 * that "983764176" and "983764 17 6" both find it.
 */
export function searchTerms(...texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    const folded = fold(text);
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word !== '') terms.add(word.slice(0, MAX_TERM));
    const whole = folded.replace(/[^\p{L}\p{N}]+/gu, '');
    if (whole !== '' && whole.length <= MAX_TERM) terms.add(whole);
  }
  return [...terms];
}

/** Only the words of `texts` (no whole-text term): what a register entry's registration is found by. */
export function wordsOf(...texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) if (text !== '') for (const word of splitWords(text)) if (word !== '') words.add(word.slice(0, MAX_TERM));
  return [...words];
}

/**
 * The folded text split at anything that is not a letter or digit. In ASCII text, once lower-cased,
 * the letters and digits are exactly a–z and 0–9: a plain pattern, far cheaper than the Unicode
 * one over a million registrations.
 */
const splitWords = (text: string): string[] => (ASCII.test(text) ? text.toLowerCase().split(/[^a-z0-9]+/) : fold(text).split(/[^\p{L}\p{N}]+/u));

/** What a query is split into: the same folding, each word a prefix to match. */
export function queryWords(query: string): string[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const whole = fold(query).replace(/[^\p{L}\p{N}]+/gu, '');
  // "983764 17 6" is one CUSIP typed in its printed groups, not three words.
  return words.length > 1 && /^\d/.test(whole) && /^[\d\s-]+$/.test(query.trim()) ? [whole] : [...new Set(words)].slice(0, MAX_WORDS);
}

const MAX_TERM = 40;
const MAX_WORDS = 6;

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** ASCII text has nothing to decompose or strip: only lower-cased (most of a million names). */
const fold = (text: string): string =>
  ASCII.test(text)
    ? text.toLowerCase()
    : text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe');

/** The first string that sorts after every string starting with `prefix` (for an indexed range scan). */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;
