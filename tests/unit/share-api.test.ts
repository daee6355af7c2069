import { beforeEach, describe, expect, it } from 'vitest';
import { setupApi } from '@/entrypoints/background/api/policy';
import { exportBackup, importBackup } from '@/entrypoints/background/db/backup';
import { getDb } from '@/entrypoints/background/db/database';
import { orderAgenda } from '@/utils/domain/agenda';
import { LIMITS, type AgendaItem } from '@/utils/model/entities';
import { BACKUP_VERSION } from '@/utils/model/backup';
import { buildAgenda, buildRecap } from '@/utils/share/message';
import { deliver } from './helpers/deliver';
import { addAction, addMeeting, addNote, addPerson, snapshot, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';

useFreshDb();

beforeEach(() => {
  setupApi();
});

const topic = (id: string, text: string, author: AgendaItem['author'], order: number) => ({
  id,
  text,
  author,
  category: 'work' as const,
  response: null,
  done: false,
  order,
  originId: null,
  createdAt: 1,
});

async function aikosMeeting() {
  const person = await addPerson();
  const meeting = await addMeeting(person.id, {
    plannedStart: Date.now(),
    agenda: [topic('mine', 'My topic', 'me', 1), topic('hers', 'Her topic', 'them', 2)],
  });
  await addNote(meeting.id, 'We agreed on the release plan.', 'shared');
  await addNote(meeting.id, 'SECRET she seems tired', 'private');
  await addAction(person.id, meeting.id, 'Draft the outline');
  return { person, meeting };
}

describe('the share view', () => {
  it('holds the shared notes and action items, and nothing of the private memo', async () => {
    const { meeting } = await aikosMeeting();
    for (const sender of [senders.panelFrame(), senders.sidebarFrame(), senders.popup()]) {
      const view = await deliver('getShareView', { meetingId: meeting.id }, sender);
      expect(view.sharedNotes).toBe('We agreed on the release plan.');
      expect(view.actions.map((a) => a.text)).toEqual(['Draft the outline']);
      expect(view.agenda.map((i) => i.text)).toEqual(['Her topic', 'My topic']);
      expect(JSON.stringify(view)).not.toContain('SECRET');
      for (const lang of ['en', 'ja'] as const) {
        const built = [buildAgenda(view, lang, Date.now()), buildRecap(view, lang, Date.now())];
        expect(JSON.stringify(built)).not.toContain('SECRET');
      }
    }
  });

  it('is refused to Google pages and other senders', async () => {
    const { meeting } = await aikosMeeting();
    for (const sender of [
      senders.calendarTab(),
      senders.meetTab(),
      senders.otherSite(),
      senders.otherExtension(),
    ]) {
      await expect(deliver('getShareView', { meetingId: meeting.id }, sender)).rejects.toThrow(
        /Refused/,
      );
      await expect(
        deliver('recordShare', { meetingId: meeting.id, kind: 'recap' }, sender),
      ).rejects.toThrow(/Refused/);
      await expect(
        deliver(
          'addTopics',
          { meetingId: meeting.id, topics: [{ text: 'x', response: null }] },
          sender,
        ),
      ).rejects.toThrow(/Refused/);
    }
  });
});

describe('taking their topics in', () => {
  it('adds them as theirs, in their order, after theirs and before the user’s; once', async () => {
    const { meeting } = await aikosMeeting();
    const topics = [
      { text: 'Career talk', response: 'advice' as const },
      { text: 'Team move', response: null },
      { text: 'her topic', response: null },
    ];
    const first = await deliver(
      'addTopics',
      { meetingId: meeting.id, topics },
      senders.panelFrame(),
    );
    expect(first).toEqual({ added: 2, already: 1 });
    const stored = (await getDb().meetings.get(meeting.id))!;
    expect(orderAgenda(stored.agenda, 'them').map((i) => [i.text, i.author, i.response])).toEqual([
      ['Her topic', 'them', null],
      ['Career talk', 'them', 'advice'],
      ['Team move', 'them', null],
      ['My topic', 'me', null],
    ]);
    // The same list pasted again adds nothing.
    const again = await deliver(
      'addTopics',
      { meetingId: meeting.id, topics },
      senders.sidebarFrame(),
    );
    expect(again).toEqual({ added: 0, already: 3 });
    expect((await getDb().meetings.get(meeting.id))!.agenda).toHaveLength(4);
  });

  it('changes nothing for an empty list, a blank topic, or more than the agenda holds', async () => {
    const { meeting } = await aikosMeeting();
    const before = await snapshot();
    await expect(
      deliver('addTopics', { meetingId: meeting.id, topics: [] }, senders.panelFrame()),
    ).rejects.toThrow(/Invalid addTopics/);
    await expect(
      deliver(
        'addTopics',
        { meetingId: meeting.id, topics: [{ text: '  ', response: null }] },
        senders.panelFrame(),
      ),
    ).rejects.toThrow(/Invalid addTopics/);
    const many = Array.from({ length: 100 }, (_, i) => ({ text: `T${i}`, response: null }));
    for (let i = 0; i < 4; i++) {
      await deliver(
        'addTopics',
        { meetingId: meeting.id, topics: many.map((t) => ({ ...t, text: `${t.text}-${i}` })) },
        senders.panelFrame(),
      );
    }
    const full = await snapshot();
    expect(full).not.toEqual(before);
    await expect(
      deliver('addTopics', { meetingId: meeting.id, topics: many }, senders.panelFrame()),
    ).rejects.toThrow(`more than ${LIMITS.list} topics; nothing was added`);
    expect(await snapshot()).toEqual(full);
  });
});

describe('what is remembered', () => {
  it('records when the recap was sent, and the person’s language and channel', async () => {
    const { person, meeting } = await aikosMeeting();
    const started = Date.now();
    await deliver('recordShare', { meetingId: meeting.id, kind: 'recap' }, senders.sidebarFrame());
    const view = await deliver('getShareView', { meetingId: meeting.id }, senders.popup());
    expect(view.meeting.recapSentAt).toBeGreaterThanOrEqual(started);
    expect(view.meeting.agendaSentAt).toBeNull();
    await deliver(
      'updatePerson',
      { id: person.id, patch: { language: 'ja', shareVia: 'chat' } },
      senders.panelFrame(),
    );
    await expect(
      deliver(
        'updatePerson',
        { id: person.id, patch: { language: 'fr' as 'ja' } },
        senders.panelFrame(),
      ),
    ).rejects.toThrow(/Invalid updatePerson/);
    expect(
      (await deliver('getShareView', { meetingId: meeting.id }, senders.popup())).person,
    ).toMatchObject({ language: 'ja', shareVia: 'chat' });
  });

  it('survives a backup export and import, and a backup from before reads as unset', async () => {
    const { person, meeting } = await aikosMeeting();
    await deliver('recordShare', { meetingId: meeting.id, kind: 'agenda' }, senders.panelFrame());
    await deliver(
      'updatePerson',
      { id: person.id, patch: { language: 'en', shareVia: 'in-person' } },
      senders.popup(),
    );
    const file = JSON.stringify(await exportBackup(getDb()));
    const sentAt = (await getDb().meetings.get(meeting.id))!.agendaSentAt;
    expect(sentAt).not.toBeNull();
    await importBackup(getDb(), file, 'replace');
    expect(await getDb().people.get(person.id)).toMatchObject({
      language: 'en',
      shareVia: 'in-person',
    });
    expect(await getDb().meetings.get(meeting.id)).toMatchObject({
      agendaSentAt: sentAt,
      recapSentAt: null,
    });

    // A file written before these fields existed imports, with them unset.
    const old = JSON.parse(file) as {
      version: number;
      data: { people: Record<string, unknown>[]; meetings: Record<string, unknown>[] };
    };
    expect(old.version).toBe(BACKUP_VERSION);
    for (const p of old.data.people) {
      delete p.language;
      delete p.shareVia;
    }
    for (const m of old.data.meetings) {
      delete m.agendaSentAt;
      delete m.recapSentAt;
    }
    await importBackup(getDb(), JSON.stringify(old), 'replace');
    expect(await getDb().people.get(person.id)).toMatchObject({ language: null, shareVia: null });
    expect(await getDb().meetings.get(meeting.id)).toMatchObject({ agendaSentAt: null });
  });
});
