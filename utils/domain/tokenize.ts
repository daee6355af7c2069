import { normalizeText } from './classify';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
/** Kana-only single characters are particles and endings (の, が, し): too common to index. */
const NOISE = /^([\p{Script=Hiragana}\p{Script=Katakana}ー]|[a-z])$/u;
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have i in is it of on or that the this to was we with you'.split(
    ' ',
  ),
);

/**
 * Search words of Japanese and English text: what Intl.Segmenter calls words, after NFKC and case
 * folding, without particles and English stopwords. Each word costs an index entry on every write,
 * so only words worth finding are kept.
 */
export function tokenize(text: string): string[] {
  return searchWords(segmenter.segment(normalizeText(text)));
}

/** Any letter or digit of any script: what a segment needs to be worth indexing. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The words worth indexing among a segmenter's segments. `isWordLike` alone is not trusted:
 * Firefox (checked in 153) calls a kanji word before a space, punctuation or the end of the text
 * no word ("メンター 紹介", "山田 太郎"), which would leave it out of the index there. A segment
 * with a letter or a digit in it is a word; spaces and punctuation are not.
 */
export function searchWords(
  segments: Iterable<{ segment: string; isWordLike?: boolean }>,
): string[] {
  const tokens = new Set<string>();
  for (const { segment, isWordLike } of segments) {
    if (!isWordLike && !LETTER_OR_DIGIT.test(segment)) continue;
    if (NOISE.test(segment) || STOPWORDS.has(segment)) continue;
    if (segment.length <= 48) tokens.add(segment);
  }
  return [...tokens];
}

/**
 * A query as search terms (whitespace-separated, normalised) and a matcher for the final check on
 * a record's text: the index finds candidates, the text decides.
 */
export function parseQuery(query: string): {
  terms: string[];
  /** The index words to look up, longest (most telling) first. */
  words: string[];
  matches: (text: string) => boolean;
} {
  const terms = normalizeText(query).split(' ').filter(Boolean);
  const words = terms.flatMap((term) => {
    const found = tokenize(term);
    return found.length ? found : [term];
  });
  return {
    terms,
    words: [...new Set(words)].sort((a, b) => b.length - a.length),
    matches: (text) => {
      const haystack = normalizeText(text);
      return terms.length > 0 && terms.every((term) => haystack.includes(term));
    },
  };
}

/**
 * Whether a query typed so far is worth a search: not while its last term is a lone kana or Latin
 * letter (the first keystroke of a word). Those are not indexed, and as the only narrowing they
 * would make one keystroke read records by the hundred; the results shown stay until the next.
 */
export function worthSearching(query: string): boolean {
  const last = normalizeText(query).split(' ').filter(Boolean).at(-1);
  return last !== undefined && !NOISE.test(last);
}
