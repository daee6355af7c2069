import { keywordMatcher } from '@/utils/domain/classify';
import type { Inputs } from '@/utils/messaging/inputs';
import { findMeetingByEvent, upsertMeetingFromCalendar } from './meetings';
import { saveRecord, writeTransaction } from './write';

type Chip = Inputs['recordCalendarChips']['chips'][number];

/**
 * Records the 1on1s seen as chips in the calendar grid as planned meetings, so the popup can
 * list what is coming. A chip has a title and times but no guests: the person comes from an
 * earlier instance of the same series (recorded when the user opened one). Chips of unknown
 * series are left alone until their card is opened once; their ids come back as `unresolved`.
 */
export async function recordCalendarChips(
  chips: readonly Chip[],
  keywords: readonly string[],
): Promise<{ recorded: number; unresolved: string[] }> {
  const isOneOnOneTitle = keywordMatcher(keywords);
  return writeTransaction(async (ctx) => {
    let recorded = 0;
    const unresolved: string[] = [];
    for (const chip of chips) {
      const override = await ctx.db.seriesOverrides.get(chip.seriesId);
      const verdict = override && !override.deleted ? override.verdict : null;
      if (verdict === 'never' || (!verdict && !isOneOnOneTitle(chip.title))) continue;
      const existing = await findMeetingByEvent(ctx.db, chip.eventId);
      if (existing) {
        // Only a meeting still to come follows the calendar; a held one keeps its record.
        if (existing.status === 'planned') {
          await saveRecord(ctx, 'meetings', existing.id, {
            title: chip.title,
            ...(chip.start !== null ? { plannedStart: chip.start } : {}),
            ...(chip.end !== null ? { plannedEnd: chip.end } : {}),
          });
        }
        recorded++;
        continue;
      }
      const sibling = (
        await ctx.db.meetings.where('seriesId').equals(chip.seriesId).toArray()
      ).find((m) => !m.deleted);
      if (!sibling) {
        unresolved.push(chip.eventId);
        continue;
      }
      await upsertMeetingFromCalendar(ctx, sibling.personId, {
        ...chip,
        meetCode: sibling.meetCode,
      });
      recorded++;
    }
    return { recorded, unresolved };
  });
}
