/** A Meet call's code, `abc-defg-hij`: the stable identity of a call (recurring events keep it). */
const MEET_CODE = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:\/|$)/;

/**
 * The meeting code in a Meet URL, or null on the landing page and elsewhere. Takes the location
 * as an argument so it is testable without a browser; `?authuser=N` and hashes are ignored.
 */
export function meetCodeFrom(location: Pick<Location, 'hostname' | 'pathname'>): string | null {
  if (location.hostname !== 'meet.google.com') return null;
  return MEET_CODE.exec(location.pathname)?.[1] ?? null;
}
