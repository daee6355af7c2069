import { LIMITS, type AgendaItem, type Goal } from '@/utils/model/entities';
import { normal as sameText } from '@/utils/share/parse-topics';
import type { ShareView, ShareKind } from '@/utils/share/share-view';
import type { TaiwaDb } from './database';
import { stripDerived } from './derive';
import { meetingView } from './queries';
import { getLive, saveRecord, type WriteContext } from './write';

/**
 * What an agenda or a recap of a meeting may hold. Built from the meeting view, leaving its
 * private memo behind here, in the background: the frame that sends the message never gets it.
 */
export async function shareView(db: TaiwaDb, meetingId: string): Promise<ShareView> {
  const view = await meetingView(db, meetingId);
  const { person, meeting } = view;
  const goals = (await db.goals.where('personId').equals(person.id).toArray())
    .filter((g) => !g.deleted && g.status === 'active')
    .map((g) => stripDerived<'goals'>(g) as Goal);
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      relationship: person.relationship,
      language: person.language,
      shareVia: person.shareVia,
    },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      plannedStart: meeting.plannedStart,
      heldAt: meeting.heldAt,
      status: meeting.status,
      agendaSentAt: meeting.agendaSentAt,
      recapSentAt: meeting.recapSentAt,
    },
    agenda: view.agenda,
    openActions: view.openActions,
    actions: view.actions,
    sharedNotes: view.shared?.text ?? '',
    goals,
    nextPlanned: view.nextPlanned ? { at: view.nextPlanned.at } : null,
  };
}

/**
 * Adds the topics the other person sent as theirs, in their order, after their topics already
 * on this agenda (so before the user's: theirs come first when they are the member). A topic
 * already there is not added twice (the same list pasted again). One write for the whole list.
 */
export async function addTopics(
  ctx: WriteContext,
  meetingId: string,
  topics: { text: string; response: AgendaItem['response'] }[],
): Promise<{ added: number; already: number }> {
  const meeting = await getLive(ctx.db, 'meetings', meetingId);
  const known = new Set(
    meeting.agenda.filter((i) => i.author === 'them').map((i) => sameText(i.text)),
  );
  const fresh = topics.filter((t) => {
    const key = sameText(t.text);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (meeting.agenda.length + fresh.length > LIMITS.list) {
    throw new Error(`This agenda cannot hold more than ${LIMITS.list} topics; nothing was added.`);
  }
  const last = Math.max(0, ...meeting.agenda.map((i) => i.order));
  const added = fresh.map((topic, n): AgendaItem => ({
    id: crypto.randomUUID(),
    text: topic.text,
    author: 'them',
    category: 'other',
    response: topic.response,
    done: false,
    order: last + 1 + n,
    originId: null,
    createdAt: ctx.now,
  }));
  if (added.length) {
    await saveRecord(ctx, 'meetings', meetingId, { agenda: [...meeting.agenda, ...added] });
  }
  return { added: added.length, already: topics.length - added.length };
}

/** Stamps when this meeting's agenda or recap was sent. */
export async function recordShare(
  ctx: WriteContext,
  meetingId: string,
  kind: ShareKind,
): Promise<void> {
  await getLive(ctx.db, 'meetings', meetingId);
  await saveRecord(
    ctx,
    'meetings',
    meetingId,
    kind === 'agenda' ? { agendaSentAt: ctx.now } : { recapSentAt: ctx.now },
  );
}
