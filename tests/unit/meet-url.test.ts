import { describe, expect, it } from 'vitest';
import { meetCodeFrom } from '@/utils/google/meet-url';

const at = (url: string) => new URL(url);

describe('meetCodeFrom', () => {
  it('reads the code from a call URL, with or without authuser', () => {
    expect(meetCodeFrom(at('https://meet.google.com/abc-defg-hij'))).toBe('abc-defg-hij');
    expect(meetCodeFrom(at('https://meet.google.com/abc-defg-hij?authuser=2'))).toBe(
      'abc-defg-hij',
    );
  });

  it('finds no call on the landing page, other paths or other hosts', () => {
    expect(meetCodeFrom(at('https://meet.google.com/'))).toBeNull();
    expect(meetCodeFrom(at('https://meet.google.com/landing'))).toBeNull();
    expect(meetCodeFrom(at('https://meet.google.com/abc-defg-hijk'))).toBeNull();
    expect(meetCodeFrom(at('https://meet.google.com/ABC-DEFG-HIJ'))).toBeNull();
    expect(meetCodeFrom(at('https://evil.example/abc-defg-hij'))).toBeNull();
  });
});
