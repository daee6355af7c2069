import { describe, expect, it } from 'vitest';
import { encodeHlc, decodeHlc, tickHlc } from '@/utils/domain/hlc';
import { parseQuery, searchWords, tokenize } from '@/utils/domain/tokenize';

describe('tokenize', () => {
  it('splits English into case-folded words without stopwords', () => {
    const tokens = tokenize('The career PLAN for the next quarter.');
    expect(tokens).toEqual(expect.arrayContaining(['career', 'plan', 'next', 'quarter']));
    expect(tokens).not.toContain('the');
  });

  it('splits Japanese into words and leaves particles out', () => {
    const tokens = tokenize('来期はキャリアについて相談したい');
    expect(tokens).toEqual(expect.arrayContaining(['キャリア', '相談']));
    expect(tokens).not.toContain('は');
  });

  it('normalises full-width forms', () => {
    expect(tokenize('ＡＢＣ１２３')).toContain('abc123');
  });

  it('keeps a kanji word at the end or before a space in every engine', () => {
    expect(tokenize('メンター 紹介')).toContain('紹介');
    expect(tokenize('山田 太郎')).toEqual(expect.arrayContaining(['山田', '太郎']));
  });
});

/** A segment as Intl.Segmenter gives it; `w`: what the engine said of `isWordLike`. */
const seg = (segment: string, w: boolean) => ({ segment, isWordLike: w });

describe('searchWords', () => {
  it("indexes the words Firefox's segmenter calls no words (Firefox 153: kanji before a space or the end)", () => {
    // Captured from Firefox ESR 153 for "メンター 紹介", "山田 太郎" and "Q3 目標: 登壇".
    expect(searchWords([seg('メンター', true), seg(' ', false), seg('紹介', false)])).toEqual([
      'メンター',
      '紹介',
    ]);
    expect(searchWords([seg('山田', false), seg(' ', false), seg('太郎', false)])).toEqual([
      '山田',
      '太郎',
    ]);
    expect(
      searchWords([
        seg('q3', true),
        seg(' ', false),
        seg('目標', false),
        seg(':', false),
        seg(' ', false),
        seg('登壇', false),
      ]),
    ).toEqual(['q3', '目標', '登壇']);
  });

  it('still leaves out spaces, punctuation, particles and stopwords', () => {
    expect(
      searchWords([
        seg('来期', true),
        seg('は', false),
        seg('the', true),
        seg('。', false),
        seg('、', false),
        seg(' ', false),
        seg('…', false),
      ]),
    ).toEqual(['来期']);
  });
});

describe('parseQuery', () => {
  it('matches a Japanese word inside a sentence and an English word, whatever the case', () => {
    expect(parseQuery('キャリア').matches('来期はキャリアについて相談したい')).toBe(true);
    expect(parseQuery('QUARTER').matches('Plan for next quarter')).toBe(true);
    expect(parseQuery('評価').matches('来期はキャリアについて相談したい')).toBe(false);
  });

  it('needs every term and leads with the longest word', () => {
    const q = parseQuery('career 相談');
    expect(q.words).toEqual(['career', '相談']);
    expect(q.matches('career の相談')).toBe(true);
    expect(q.matches('career only')).toBe(false);
  });

  it('finds nothing for an empty query', () => {
    expect(parseQuery('   ').words).toEqual([]);
    expect(parseQuery('  ').matches('anything')).toBe(false);
  });
});

describe('hybrid logical clock', () => {
  it('orders by string comparison and never runs backwards', () => {
    const a = tickHlc(null, 1000, 'dev-a');
    const b = tickHlc(a, 900, 'dev-a'); // the wall clock stepped back
    const c = tickHlc(b, 5000, 'dev-a');
    expect(a < b && b < c).toBe(true);
    expect(decodeHlc(b)).toEqual({ wall: 1000, counter: 1, deviceId: 'dev-a' });
  });

  it('round-trips', () => {
    const clock = { wall: 1_790_000_000_000, counter: 42, deviceId: 'x:y' };
    expect(decodeHlc(encodeHlc(clock))).toEqual(clock);
  });
});
