import { describe, expect, it } from 'vitest';
import { encodeHlc, decodeHlc, tickHlc } from '@/utils/domain/hlc';
import { indexKeys, KEY_SEPARATOR, parseQuery, tokenize } from '@/utils/domain/tokenize';

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
});

describe('indexKeys', () => {
  it('suffixes each word with an age that sorts the newest first', () => {
    const [key] = indexKeys('budget', 1_790_000_000_000);
    expect(key).toBe(`budget${KEY_SEPARATOR}8209999999999`);
    expect(indexKeys('budget', 40)[0]! < indexKeys('budget', 5)[0]!).toBe(true);
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
