/**
 * Wall-clock times in a named time zone, as epoch ms, through the browser's own zone data (Intl):
 * for a TZID the file does not define (Google's feeds often name America/Denver without a
 * VTIMEZONE). Null for a name Intl does not know (Windows names without a definition, made-up
 * ones): the caller then falls back to the calendar's zone or the computer's.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    try {
      formatters.set(
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      formatters.set(zone, null);
    }
  }
  return formatters.get(zone) ?? null;
}

/** The zone's offset from UTC at `utc`, in ms. */
function offsetAt(utc: number, formatter: Intl.DateTimeFormat): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(utc)) part[type] = Number(value);
  const asUtc = Date.UTC(
    part.year ?? 1970,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return asUtc - Math.floor(utc / 1000) * 1000;
}

export function wallClockToUtc(
  wall: readonly [number, number, number, number, number, number],
  zone: string,
): number | null {
  const formatter = formatterFor(zone);
  if (!formatter || !wall.every(Number.isFinite)) return null;
  const [year, month, day, hour, minute, second] = wall;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let at = guess - offsetAt(guess, formatter);
  // Across a change of offset (DST), the offset at the answer is the one that counts.
  const again = offsetAt(at, formatter);
  if (again !== guess - at) at = guess - again;
  return at;
}
