import { describe, expect, it } from 'vitest';
import {
  ALL_SPEAKING_LIMIT_MS,
  NEVER_SILENT_LIMIT_MS,
  QUIET_SAMPLES,
  SpeakingCheck,
  TalkMeter,
  type SpeakingSample,
} from '@/utils/domain/talk-time';
import { talkVerdict } from '@/utils/domain/talk-target';

const STEP = 200;
const tiles = (self: boolean | null, other: boolean | null): SpeakingSample[] => [
  { key: 'me', isSelf: true, speaking: self },
  { key: 'them', isSelf: false, speaking: other },
];

/** Samples `meter` every 200 ms for `ms` with the given indicator states. */
function hold(
  meter: TalkMeter,
  at: { t: number },
  ms: number,
  self: boolean | null,
  other: boolean | null,
) {
  for (const end = at.t + ms; at.t < end; at.t += STEP) meter.sample(tiles(self, other), at.t);
}

describe('the talk-time meter', () => {
  it('credits speech, bridging indicator flicker between words', () => {
    const meter = new TalkMeter();
    const at = { t: 0 };
    hold(meter, at, 1_000, false, false);
    for (let i = 0; i < 5; i++) {
      hold(meter, at, 800, false, true);
      hold(meter, at, STEP * (QUIET_SAMPLES - 1), false, false); // a pause shorter than the hysteresis
    }
    hold(meter, at, 200, false, true);
    expect(meter.read()).toMatchObject({ selfMs: 0, measurable: true });
    // 5 × (800 + 600) + 200, all of it speech.
    expect(meter.read().othersMs).toBe(7_200);
    expect(meter.speakingNow()).toEqual(['them']);
  });

  it('adds no tail after someone stops: the quiet samples are nobody’s', () => {
    const meter = new TalkMeter();
    const at = { t: 0 };
    hold(meter, at, 400, false, false);
    hold(meter, at, 2_000, true, false);
    hold(meter, at, 3_000, false, false);
    expect(meter.read().selfMs).toBe(2_000);
    expect(meter.speakingNow()).toEqual([]);
  });

  it('measures a 20/80 conversation within 10%', () => {
    const meter = new TalkMeter();
    const at = { t: 0 };
    for (let turn = 0; turn < 6; turn++) {
      hold(meter, at, 8_000, false, true);
      hold(meter, at, 500, false, false);
      hold(meter, at, 2_000, true, false);
      hold(meter, at, 500, false, false);
    }
    const { selfMs, othersMs } = meter.read();
    expect(Math.abs(selfMs - 12_000)).toBeLessThanOrEqual(1_200);
    expect(Math.abs(othersMs - 48_000)).toBeLessThanOrEqual(4_800);
  });

  it('cannot measure without indicators or without the user’s own tile, and counts nothing', () => {
    const meter = new TalkMeter();
    meter.sample(tiles(null, null), 0);
    meter.sample(tiles(null, null), 5_000);
    expect(meter.read()).toMatchObject({ selfMs: 0, othersMs: 0, measurable: false });
    const noSelf = new TalkMeter();
    noSelf.sample([{ key: 'a', isSelf: false, speaking: true }], 0);
    noSelf.sample([{ key: 'a', isSelf: false, speaking: true }], 1_000);
    expect(noSelf.read()).toMatchObject({ selfMs: 0, othersMs: 0, measurable: false });
  });

  it('does not count a long gap between samples (a throttled tab) as speech', () => {
    const meter = new TalkMeter();
    meter.sample(tiles(true, false), 0);
    meter.sample(tiles(true, false), 60_000);
    expect(meter.read().selfMs).toBe(2_000);
  });
});

describe('the talk-time verdict', () => {
  const talk = (selfMs: number, othersMs: number, measurable = true) => ({
    selfMs,
    othersMs,
    measurable,
  });
  it('places the user’s share against the target band', () => {
    expect(talkVerdict(talk(20_000, 80_000), 20)).toMatchObject({
      state: 'in-band',
      selfPercent: 20,
      band: [10, 30],
    });
    expect(talkVerdict(talk(50_000, 50_000), 20)).toMatchObject({
      state: 'above',
      selfPercent: 50,
    });
    expect(talkVerdict(talk(5_000, 95_000), 20)).toMatchObject({ state: 'below', selfPercent: 5 });
    expect(talkVerdict(talk(2_000, 3_000), 20)).toMatchObject({
      state: 'warming-up',
      selfPercent: null,
    });
    expect(talkVerdict(talk(20_000, 80_000, false), 20).state).toBe('unmeasurable');
    expect(talkVerdict(talk(0, 0), 95).band).toEqual([85, 100]);
  });
});

describe('the plausibility of the speaking signal', () => {
  it('everyone "speaking" in every sample for long means the quiet class was renamed', () => {
    const meter = new TalkMeter();
    const at = { t: 0 };
    hold(meter, at, ALL_SPEAKING_LIMIT_MS - 400, true, true);
    expect(meter.read()).toMatchObject({ measurable: true, implausible: false });
    hold(meter, at, 600, true, true);
    expect(meter.read()).toMatchObject({ measurable: false, implausible: true });
    // It stays so: a renamed class does not come back.
    hold(meter, at, 5_000, false, true);
    expect(meter.read()).toMatchObject({ measurable: false, implausible: true });
  });

  it('two people talking over each other, with the usual flicker, stays plausible', () => {
    const meter = new TalkMeter();
    const at = { t: 0 };
    for (let i = 0; i < 30; i++) {
      hold(meter, at, 1_600, true, true);
      hold(meter, at, 200, i % 2 === 0, i % 2 === 1); // one flickers quiet for a frame
    }
    expect(meter.read()).toMatchObject({ measurable: true, implausible: false });
  });

  it('one tile never silent for minutes is implausible; a long monologue with pauses is not', () => {
    const check = new SpeakingCheck();
    const other = { key: 'them', isSelf: false };
    const me = { key: 'me', isSelf: true, speaking: false };
    let t = 0;
    for (; t < NEVER_SILENT_LIMIT_MS - 200; t += STEP)
      check.sample([me, { ...other, speaking: true }], t);
    expect(check.implausible).toBe(false);
    check.sample([me, { ...other, speaking: true }], t + STEP);
    expect(check.implausible).toBe(true);

    const talker = new SpeakingCheck();
    for (let s = 0; s < 2 * NEVER_SILENT_LIMIT_MS; s += STEP) {
      talker.sample([me, { ...other, speaking: s % 3_000 !== 0 }], s);
    }
    expect(talker.implausible).toBe(false);
  });
});
