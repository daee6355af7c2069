import { ATTENTION_ORDER, attentionReasons, type AttentionReason } from '@/utils/domain/attention';
import { lastMonthStarts, nextMonthStart, practiceByMonth } from '@/utils/domain/practice';
import { POPUP_LIMITS, type PopupView, type PracticeView } from '@/utils/messaging/views';
import type { TaiwaDb } from './database';
import { countOpenActions, openActions, peopleOverview } from './queries';

/**
 * The popup in one answer: people and their figures (two table reads), plus the user's own open
 * action items (one index read). Upcoming 1on1s come from the figures every write keeps current.
 */
export async function popupView(db: TaiwaDb, now: number): Promise<PopupView> {
  const limit = POPUP_LIMITS.myActions;
  // The reads go in parallel; archived people's items are left out afterwards (they are few).
  const [overview, firstMine, allMine] = await Promise.all([
    peopleOverview(db, now),
    openActions(db, 'me', { limit: 2 * limit }),
    countOpenActions(db, 'me', new Set()),
  ]);
  const active = overview
    .filter((o) => !o.person.archived)
    .sort((a, b) => a.person.name.localeCompare(b.person.name));
  const archived = new Set(overview.filter((o) => o.person.archived).map((o) => o.person.id));
  const upcoming = active
    .flatMap((o) => o.upcoming.map((u) => ({ meetingId: u.id, at: u.at, personId: o.person.id })))
    .sort((a, b) => a.at - b.at);
  let myActions = firstMine.filter((a) => !archived.has(a.personId)).slice(0, limit);
  let myActionsTotal = allMine;
  if (archived.size) {
    const skip = (a: { personId: string }) => archived.has(a.personId);
    if (myActions.length < limit && firstMine.length === 2 * limit) {
      myActions = await openActions(db, 'me', { skip, limit });
    }
    myActionsTotal = await countOpenActions(db, 'me', archived);
  }
  const attention = active
    .map((o) => ({
      personId: o.person.id,
      reasons: attentionReasons({
        cadence: o.cadence,
        hasPlanned: o.nextPlanned !== null,
        openActions: o.openActions,
        conditions: o.conditions,
      }),
    }))
    .filter((a) => a.reasons.length)
    .sort((a, b) => urgency(a.reasons) - urgency(b.reasons));
  return {
    people: active.map((o) => ({
      id: o.person.id,
      name: o.person.name || o.person.email,
      openActions: o.openActions,
    })),
    upcoming: upcoming.slice(0, POPUP_LIMITS.upcoming),
    upcomingTotal: upcoming.length,
    attention: attention.slice(0, POPUP_LIMITS.attention),
    attentionTotal: attention.length,
    myActions,
    myActionsTotal,
  };
}

/** Lower is more pressing: a person's most pressing reason, then how many reasons they have. */
const urgency = (reasons: AttentionReason[]) =>
  Math.min(...reasons.map((r) => ATTENTION_ORDER.indexOf(r))) * 10 - reasons.length;

/** Three months: enough history before the first month to know who was overdue then. */
const LOOKBACK = 92 * 86_400_000;

/** The user's practice over the last `months` months, from the meetings of that span. */
export async function practiceView(
  db: TaiwaDb,
  now: number,
  months: number,
  talkTargetSelfPercent: number,
): Promise<PracticeView> {
  const starts = lastMonthStarts(now, months);
  const from = (starts[0] ?? now) - LOOKBACK;
  const to = nextMonthStart(starts.at(-1) ?? now);
  const [meetings, people, overview] = await Promise.all([
    db.meetings.where('at').between(from, to, true, false).toArray(),
    db.people.toArray(),
    peopleOverview(db, now),
  ]);
  const livePeople = people.filter((p) => !p.deleted);
  const liveIds = new Set(livePeople.map((p) => p.id));
  return {
    months: practiceByMonth(
      meetings
        .filter((m) => !m.deleted && liveIds.has(m.personId))
        .map((m) => ({ ...m, at: m.at ?? m.createdAt })),
      livePeople,
      starts,
      now,
    ),
    talkTargetSelfPercent,
    overdueNow: overview
      .filter((o) => !o.person.archived && o.cadence === 'overdue')
      .map((o) => o.person.id),
  };
}
