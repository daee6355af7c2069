import { normalizeText } from './classify';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Search tokens for Japanese and English text: the words Intl.Segmenter finds (after NFKC and
 * case folding) plus every two-character slice of Japanese words, so a query still matches when
 * the segmenter splits a compound differently in the note and in the query.
 */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(normalizeText(text))) {
    if (!isWordLike) continue;
    tokens.add(segment);
    if (CJK.test(segment)) {
      const chars = [...segment];
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars.slice(i, i + 2).join(''));
    }
  }
  return [...tokens].filter((t) => t.length <= 64);
}

/**
 * The tokens a query needs, for the index, and a matcher for the final check on the text
 * (the index finds candidates; the text decides).
 */
export function parseQuery(query: string): {
  tokens: string[];
  matches: (text: string) => boolean;
} {
  const terms = normalizeText(query).split(' ').filter(Boolean);
  const tokens = [...new Set(terms.flatMap((term) => queryTokens(term)))];
  return {
    tokens,
    matches: (text) => {
      const haystack = normalizeText(text);
      return terms.length > 0 && terms.every((term) => haystack.includes(term));
    },
  };
}

/** One term's index tokens: its bigrams when Japanese, else its words. */
function queryTokens(term: string): string[] {
  const words = tokenize(term);
  const bigrams = words.filter((w) => CJK.test(w) && [...w].length === 2);
  if (bigrams.length) return bigrams;
  return words.length ? words : [term];
}
