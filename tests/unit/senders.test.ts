import { describe, expect, it } from 'vitest';
import { classifySender } from '@/utils/messaging/senders';
import { senders } from './helpers/senders';

const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['popup', senders.popup(), 'extension-page'],
    ['panel iframe inside a Google tab', senders.panelFrame(), 'extension-page'],
    ['calendar content script', senders.calendarTab(), 'calendar-tab'],
    ['meet content script', senders.meetTab(), 'meet-tab'],
    ['another site', senders.otherSite(), 'untrusted'],
    ['another extension', senders.otherExtension(), 'untrusted'],
  ] as const)('%s → %s', (_, sender, kind) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(kind);
  });

  it('refuses a Google page loaded in a subframe', () => {
    expect(classifySender({ ...senders.calendarTab(), frameId: 3 }, ID, ORIGIN)).toBe('untrusted');
  });

  it('refuses look-alike origins and missing or malformed urls', () => {
    const sender = senders.calendarTab();
    expect(
      classifySender({ ...sender, url: 'https://calendar.google.com.evil.example/' }, ID, ORIGIN),
    ).toBe('untrusted');
    expect(classifySender({ ...sender, url: 'http://calendar.google.com/' }, ID, ORIGIN)).toBe(
      'untrusted',
    );
    expect(classifySender({ id: ID }, ID, ORIGIN)).toBe('untrusted');
    expect(classifySender({ ...sender, url: 'not a url' }, ID, ORIGIN)).toBe('untrusted');
  });
});
