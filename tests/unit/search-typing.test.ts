import { describe, expect, it } from 'vitest';
import { worthSearching } from '@/utils/domain/tokenize';

describe('worthSearching', () => {
  it('waits while the last term is a lone kana or Latin letter', () => {
    expect(worthSearching('m')).toBe(false);
    expect(worthSearching('roadmap f')).toBe(false);
    expect(worthSearching('設計 レ')).toBe(false);
    expect(worthSearching('キ')).toBe(false);
    expect(worthSearching('Ｍ')).toBe(false);
    expect(worthSearching('   ')).toBe(false);
  });

  it('searches two letters, a kanji, or a finished word', () => {
    expect(worthSearching('mi')).toBe(true);
    expect(worthSearching('roadmap fe')).toBe(true);
    expect(worthSearching('設計 レビ')).toBe(true);
    expect(worthSearching('愛')).toBe(true);
    expect(worthSearching('キャリア')).toBe(true);
    expect(worthSearching('1on1 ')).toBe(true);
  });
});
