import type { ActionItem, Meeting, Person } from '@/utils/model/entities';

/**
 * One CSV cell. Quoted when needed; a leading =, +, -, @ or tab is defused with an apostrophe so
 * a spreadsheet never runs an action item as a formula (CSV injection).
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const isoDate = (ms: number | null) =>
  ms === null ? null : new Date(ms).toISOString().slice(0, 10);

/** Action items as CSV (UTF-8 with BOM, so spreadsheet apps read Japanese correctly). */
export function actionsToCsv(
  actions: readonly ActionItem[],
  people: ReadonlyMap<string, Person>,
  meetings: ReadonlyMap<string, Meeting>,
): string {
  const header = [
    'person',
    'email',
    'text',
    'owner',
    'due',
    'done',
    'done_at',
    'meeting_date',
    'created_at',
  ];
  const rows = actions.map((a) => {
    const person = people.get(a.personId);
    const meeting = a.meetingId ? meetings.get(a.meetingId) : undefined;
    return [
      person?.name ?? '',
      person?.email ?? '',
      a.text,
      a.owner,
      isoDate(a.due),
      a.done,
      isoDate(a.doneAt),
      isoDate(meeting ? (meeting.heldAt ?? meeting.plannedStart) : null),
      isoDate(a.createdAt),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
