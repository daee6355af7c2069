import { describe, expect, it } from 'vitest';
import {
  callTitle,
  isPostCallScreen,
  isPresenting,
  readRawPhase,
} from '@/utils/google/meet/call-page';
import { meetProblems } from '@/utils/google/meet/health';
import { readParticipants, readSelfName } from '@/utils/google/meet/participants';
import { loadMeet } from './helpers/meet';

const phaseOf = (doc: Document) => {
  const { source } = readParticipants(doc);
  return readRawPhase(doc, source === 'tiles' || source === 'old-tiles');
};

describe('the phase a Meet page shows', () => {
  it.each(['', '&lang=ja', '&ui=old', '&ui=noid'])(
    'reads lobby, waiting, in call and ended (%s)',
    (variant) => {
      const { doc, fx } = loadMeet(`?phase=lobby${variant}`);
      expect(phaseOf(doc)).toBe('lobby');
      fx.setPhase('waiting');
      expect(phaseOf(doc)).toBe('waiting');
      fx.setPhase('call');
      expect(phaseOf(doc)).toBe('in-call');
      fx.setPhase('ended');
      expect(phaseOf(doc)).toBe('ended');
    },
  );

  it('does not take the lobby’s leave button or self preview for being in the call', () => {
    const { doc } = loadMeet('?phase=lobby');
    expect(doc.querySelector('[data-participant-id]')).not.toBeNull();
    expect(doc.body.textContent).toContain('call_end');
    expect(readParticipants(doc).participants).toEqual([]);
    expect(phaseOf(doc)).toBe('lobby');
  });

  it('never reads the phase from what people type in chat or say in captions', () => {
    for (const lang of ['en', 'ja']) {
      const { doc, fx } = loadMeet(`?chat=1&captions=1&lang=${lang}`);
      expect(phaseOf(doc)).toBe('in-call');
      fx.chat('Meeting ended? You left the meeting, the call has ended');
      fx.chat('会議は終了しました。通話から退出しました');
      fx.caption('Aiko Tanaka', 'I think the meeting ended early. Asking to be let in…');
      expect(doc.querySelectorAll('[aria-live] .Ss4fHf')).toHaveLength(2);
      expect(phaseOf(doc)).toBe('in-call');
    }
  });

  it('knows the post-call screen by its own hooks; "Return to home screen" alone proves nothing', () => {
    const { doc, fx } = loadMeet('?phase=waiting');
    expect(doc.querySelector('[data-mdc-dialog-action="returnToHomePage"]')).not.toBeNull();
    expect(isPostCallScreen(doc)).toBe(false);
    expect(phaseOf(doc)).toBe('waiting');
    fx.setPhase('ended');
    expect(isPostCallScreen(doc)).toBe(true);
    // Its hooks without its words (another language) still say the call ended.
    for (const h1 of doc.querySelectorAll('h1'))
      h1.textContent = 'Sie haben die Besprechung verlassen';
    expect(phaseOf(doc)).toBe('ended');
  });

  it('knows when the user is presenting, in either language, never from chat', () => {
    expect(isPresenting(loadMeet('?presenting=1').doc)).toBe(true);
    expect(isPresenting(loadMeet('?presenting=1&lang=ja').doc)).toBe(true);
    const { doc, fx } = loadMeet('?chat=1');
    fx.chat('Can you stop presenting for a second?');
    expect(isPresenting(doc)).toBe(false);
  });

  it('knows nothing of a page that is not a call', () => {
    const doc = new DOMParser().parseFromString('<main><h1>Welcome</h1></main>', 'text/html');
    expect(phaseOf(doc)).toBe('unknown');
  });

  it('reads the call title, not Meet’s own', () => {
    expect(callTitle('1on1 Aiko / Ben - Google Meet')).toBe('1on1 Aiko / Ben');
    expect(callTitle('Meet - abc-defg-hij')).toBe('');
    expect(callTitle('<img src=x> - Google Meet')).toBe('<img src=x>');
  });
});

describe('participants and speaking', () => {
  it('reads the tiles: names without button text, the self tile, who speaks', () => {
    const { doc, fx } = loadMeet();
    const read = () => readParticipants(doc);
    expect(read().source).toBe('tiles');
    expect(read().participants).toEqual([
      { key: 'spaces/fx1/devices/1', name: 'Ben Suzuki', isSelf: true, speaking: false },
      { key: 'spaces/fx1/devices/2', name: 'Aiko Tanaka', isSelf: false, speaking: false },
    ]);
    fx.speak('other', true);
    expect(read().participants.map((p) => p.speaking)).toEqual([false, true]);
    fx.speak('other', false);
    fx.speak('self', true);
    expect(read().participants.map((p) => p.speaking)).toEqual([true, false]);
  });

  it('a four-person call: four tiles, the People panel rows (same ids) not taken for tiles', () => {
    const { doc } = loadMeet('?people=4');
    expect(doc.querySelectorAll('[role="listitem"][data-participant-id]')).toHaveLength(4);
    const reading = readParticipants(doc);
    expect(reading.source).toBe('tiles');
    expect(reading.participants.map((p) => [p.name, p.isSelf])).toEqual([
      ['Ben Suzuki', true],
      ['Aiko Tanaka', false],
      ['Chris Ito', false],
      ['Dana Mori', false],
    ]);
  });

  it('a renamed quiet class reads as everyone speaking (the meter must notice, see talk-time)', () => {
    const { doc } = loadMeet('?quiet=renamed');
    expect(doc.querySelector('.gjg47c')).toBeNull();
    expect(readParticipants(doc).participants.map((p) => p.speaking)).toEqual([true, true]);
  });

  it('the older UI: allocation-index tiles, the self name attribute, no indicators', () => {
    const { doc } = loadMeet('?ui=old');
    expect(readSelfName(doc)).toBe('Ben Suzuki');
    const reading = readParticipants(doc);
    expect(reading.source).toBe('old-tiles');
    expect(reading.participants.map((p) => [p.name, p.isSelf, p.speaking])).toEqual([
      ['Ben Suzuki', true, null],
      ['Aiko Tanaka', false, null],
    ]);
  });

  it('without participant ids: the People panel, "(You)" in either language', () => {
    for (const lang of ['en', 'ja']) {
      const { doc } = loadMeet(`?ui=noid&lang=${lang}&other=${encodeURIComponent('田中 愛子')}`);
      const reading = readParticipants(doc);
      expect(reading.source).toBe('people-panel');
      expect(reading.participants.map((p) => [p.name, p.isSelf, p.speaking])).toEqual([
        ['Ben Suzuki', true, null],
        ['田中 愛子', false, null],
      ]);
    }
  });

  it('says what is missing, never silently measuring nothing', () => {
    const ok = { measurable: true, implausible: false };
    const none = { measurable: false, implausible: false };
    const newUi = loadMeet().doc;
    expect(meetProblems('in-call', true, readParticipants(newUi), ok)).toEqual([]);
    expect(
      meetProblems('in-call', true, readParticipants(newUi), {
        measurable: false,
        implausible: true,
      }),
    ).toEqual(['speaking-implausible']);
    const old = loadMeet('?ui=old').doc;
    expect(meetProblems('in-call', true, readParticipants(old), none)).toEqual(['speaking']);
    const empty = new DOMParser().parseFromString('<main></main>', 'text/html');
    expect(meetProblems('in-call', true, readParticipants(empty), none)).toEqual(['participants']);
    expect(meetProblems('unknown', false, readParticipants(empty), none)).toEqual(['call-state']);
    expect(meetProblems('lobby', false, readParticipants(empty), none)).toEqual([]);
  });
});
