/**
 * A hybrid logical clock: wall time that never runs backwards on one device and breaks ties by
 * counter and device id, so "last writer wins" picks the same winner on every device even when
 * their clocks disagree. Encoded so that plain string comparison orders clocks.
 */
export interface Hlc {
  wall: number;
  counter: number;
  deviceId: string;
}

export function encodeHlc({ wall, counter, deviceId }: Hlc): string {
  return `${wall.toString().padStart(15, '0')}:${counter.toString(36).padStart(5, '0')}:${deviceId}`;
}

/** The shape {@link encodeHlc} writes: 15-digit wall time, 5-digit base-36 counter, device id. */
const HLC_FORMAT = /^\d{15}:[0-9a-z]{5}:[\w-]{1,64}$/;

/** How far ahead of this device's wall clock another device's clock may be (clocks drift; days do not). */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60_000;

/**
 * Whether a clock from another device may be taken in: well-formed (so it orders as a clock,
 * by plain string comparison) and at most a day ahead of `now`. A malformed or far-future clock
 * would otherwise move this device's clock with it, and win every merge until that time.
 */
export function isAcceptableClock(text: string, now: number): boolean {
  return HLC_FORMAT.test(text) && decodeHlc(text).wall <= now + MAX_CLOCK_AHEAD_MS;
}

export function decodeHlc(text: string): Hlc {
  const [wall, counter, ...device] = text.split(':');
  return { wall: Number(wall), counter: parseInt(counter ?? '0', 36), deviceId: device.join(':') };
}

/** The clock for a new local write after `previous` (or after a clock seen from elsewhere). */
export function tickHlc(previous: string | null, now: number, deviceId: string): string {
  const last = previous ? decodeHlc(previous) : { wall: 0, counter: 0 };
  const wall = Math.max(last.wall, now);
  const counter = wall === last.wall ? last.counter + 1 : 0;
  return encodeHlc({ wall, counter, deviceId });
}
