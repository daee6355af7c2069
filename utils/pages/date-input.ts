/** `YYYY-MM-DD` of a local date, the value of an `<input type="date">`. */
export function toDateInput(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * A date input's value as epoch ms: that local day at the time of day of `timeOf` (a 10:00 1on1
 * suggests 10:00 again), or at its start. Null for an empty or malformed value.
 */
export function fromDateInput(value: string, timeOf?: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const time = timeOf === undefined ? null : new Date(timeOf);
  return new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    time?.getHours() ?? 0,
    time?.getMinutes() ?? 0,
  ).getTime();
}
