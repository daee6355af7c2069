import { loadFixture } from './fixtures';

export interface MeetFixture {
  setPhase(phase: 'lobby' | 'waiting' | 'call' | 'ended'): void;
  speak(who: 'self' | 'other', on: boolean): void;
  /** A chat message (the chat panel is there with ?chat=1). */
  chat(text: string, from?: string): void;
  /** A caption line (the captions region is there with ?captions=1). */
  caption(name: string, text: string): void;
}

/**
 * The Meet fixture page (tests/fixtures/meet/call.html) in one of its variants, its script run
 * against the parsed document, as the end-to-end tests see it in the browser.
 */
export function loadMeet(query = ''): { doc: Document; fx: MeetFixture } {
  const doc = loadFixture('meet/call.html');
  const script = doc.querySelector('script')?.textContent ?? '';
  const win: { fx?: MeetFixture } = {};
  new Function('document', 'location', 'window', script)(doc, { search: query }, win);
  if (!win.fx) throw new Error('The Meet fixture did not set up window.fx');
  return { doc, fx: win.fx };
}
