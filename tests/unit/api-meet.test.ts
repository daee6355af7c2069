import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/entrypoints/background/db/database';
import type { Inputs } from '@/utils/messaging/inputs';
import { deliver } from './helpers/deliver';
import { addMeeting, addPerson, snapshot, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';
import { setupApi } from '@/entrypoints/background/api/policy';

useFreshDb();
beforeEach(() => setupApi());

const TAB = 5;
const meetTab = (tabId = TAB): Browser.runtime.MessageSender => ({
  ...senders.meetTab(),
  tab: { id: tabId } as Browser.tabs.Tab,
});
/** The notes sidebar: an extension page in a frame of the Meet tab. */
const sidebar = (tabId = TAB): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/notes-sidebar.html#abc-defg-hij`,
  frameId: 3,
  tab: { id: tabId } as Browser.tabs.Tab,
});

const report = (fields: Partial<Inputs['reportCall']> = {}, tabId = TAB) =>
  deliver(
    'reportCall',
    {
      meetCode: 'abc-defg-hij',
      phase: 'in-call',
      title: '',
      participants: [
        { name: 'Ben Suzuki', isSelf: true },
        { name: 'Aiko Tanaka', isSelf: false },
      ],
      talk: { selfMs: 0, othersMs: 0, measurable: true },
      ...fields,
    },
    meetTab(tabId),
  );
const callView = (tabId = TAB) => deliver('getCallView', undefined, sidebar(tabId));

describe('whose 1on1 a Meet call is', () => {
  it('the Meet code of today’s planned meeting names it', async () => {
    const aiko = await addPerson({ name: 'A. T.' });
    const planned = await addMeeting(aiko.id, {
      meetCode: 'abc-defg-hij',
      plannedStart: Date.now() - 60_000,
      plannedEnd: Date.now() + 1_740_000,
    });
    await report({ participants: [{ name: 'Someone Else', isSelf: false }] });
    expect(await callView()).toMatchObject({
      meetingId: planned.id,
      phase: 'in-call',
      plannedEnd: planned.plannedEnd,
      talkTargetSelfPercent: 20,
    });
  });

  it('a recurring link with no meeting near now starts a new one for its person', async () => {
    const aiko = await addPerson();
    const old = await addMeeting(aiko.id, {
      meetCode: 'abc-defg-hij',
      plannedStart: Date.now() - 14 * 86_400_000,
      status: 'held',
    });
    await report({ participants: [] });
    const view = await callView();
    expect(view?.meetingId).not.toBe(old.id);
    const meeting = await getDb().meetings.get(view!.meetingId!);
    expect(meeting).toMatchObject({
      personId: aiko.id,
      meetCode: 'abc-defg-hij',
      status: 'planned',
    });
  });

  it('else the one other participant’s name is a question, never an answer: nothing shown or written first', async () => {
    const aiko = await addPerson();
    const inPerson = await addMeeting(aiko.id, { plannedStart: Date.now() + 3_600_000 });
    const before = await snapshot();
    await report();
    expect(await callView()).toMatchObject({
      meetingId: null,
      suggestion: { personId: aiko.id, name: 'Aiko Tanaka' },
    });
    expect(await snapshot()).toEqual(before);
    // Yes: this call is her plan for today, and its link is remembered.
    await deliver('answerCall', { answer: 'yes' }, sidebar());
    expect(await callView()).toMatchObject({ meetingId: inPerson.id, suggestion: null });
    expect((await getDb().meetings.get(inPerson.id))?.meetCode).toBe('abc-defg-hij');
  });

  it('asks with the name Meet shows, and never prepares a call said not to be a 1on1', async () => {
    const aiko = await addPerson({ name: 'Aiko (team lead, private note)' });
    await report({
      participants: [
        { name: 'Ben Suzuki', isSelf: true },
        { name: 'aiko tanaka', isSelf: false },
      ],
    });
    // No match by the stored name: the address's local part matches the Meet name.
    expect((await callView())?.suggestion).toEqual({ personId: aiko.id, name: 'aiko tanaka' });
    await deliver('answerCall', { answer: 'not-1on1' }, sidebar());
    await addMeeting(aiko.id, { meetCode: 'abc-defg-hij', plannedStart: Date.now() });
    await report({ phase: 'lobby' }, 7);
    expect(await callView(7)).toMatchObject({ meetingId: null, notOneOnOne: false });
    await report({}, 7);
    expect(await callView(7)).toMatchObject({ meetingId: null, notOneOnOne: true });
  });

  it('a team call with a guest named like a report: no question, nothing of hers, nothing written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const aiko = await addPerson({ relationship: 'report' });
    const planned = await addMeeting(aiko.id, { plannedStart: start + 3_600_000 });
    const before = await snapshot();
    const team = [
      { name: 'Ben Suzuki', isSelf: true },
      { name: 'Aiko Tanaka', isSelf: false },
      { name: 'Chris Ito', isSelf: false },
      { name: 'Dana Mori', isSelf: false },
    ];
    await report({ participants: team });
    expect(await callView()).toMatchObject({ meetingId: null, suggestion: null, exposed: true });
    vi.setSystemTime(start + 5 * 60_000);
    await report({ participants: team, phase: 'ended' });
    expect(await snapshot()).toEqual(before);
    expect((await getDb().meetings.get(planned.id))?.status).toBe('planned');
    vi.useRealTimers();
  });

  it('"No" asks whose it is instead; "Not a 1on1" is remembered for the link, and can be undone', async () => {
    await addPerson();
    const before = await snapshot();
    await report();
    await deliver('answerCall', { answer: 'no' }, sidebar());
    expect(await callView()).toMatchObject({ meetingId: null, suggestion: null });
    await report();
    expect((await callView())?.suggestion).toBeNull();

    await deliver('answerCall', { answer: 'not-1on1' }, sidebar());
    await report({}, 6);
    expect(await callView(6)).toMatchObject({
      meetingId: null,
      suggestion: null,
      notOneOnOne: true,
    });
    // Only the verdict on the link is kept (in the database's meta): no record changed.
    const records = (all: unknown) => ({ ...(all as object), meta: undefined });
    expect(records(await snapshot())).toEqual(records(before));
    await deliver('answerCall', { answer: 'is-1on1' }, sidebar(6));
    await report({}, 6);
    expect(await callView(6)).toMatchObject({
      notOneOnOne: false,
      suggestion: { name: 'Aiko Tanaka' },
    });
  });

  it('a confirmed 1on1 grown beyond two people, or presented, folds the private memo', async () => {
    const aiko = await addPerson();
    await addMeeting(aiko.id, { meetCode: 'abc-defg-hij', plannedStart: Date.now() });
    await report();
    expect((await callView())?.exposed).toBe(false);
    await report({ presenting: true });
    expect((await callView())?.exposed).toBe(true);
    await report({
      participants: [
        { name: 'Ben Suzuki', isSelf: true },
        { name: 'Aiko Tanaka', isSelf: false },
        { name: 'Chris Ito', isSelf: false },
      ],
    });
    expect(await callView()).toMatchObject({ exposed: true, meetingId: expect.any(String) });
  });

  it('else asks; the answer is remembered for the next call with the link', async () => {
    await report({ participants: [{ name: 'Chris Ito', isSelf: false }] });
    expect(await callView()).toMatchObject({ meetingId: null, phase: 'in-call' });
    const meetingId = await deliver('linkMeetCall', { name: 'Chris Ito' }, sidebar());
    expect((await callView())?.meetingId).toBe(meetingId);

    await report({ participants: [{ name: 'Not Chris', isSelf: false }] }, 6);
    expect((await callView(6))?.meetingId).toBe(meetingId);
    const people = (await getDb().people.toArray()).map((p) => p.name);
    expect(people).toEqual(['Chris Ito']);
  });

  it('links to a known person chosen in the sidebar', async () => {
    const dana = await addPerson({ email: 'dana@example.com', name: 'Dana' });
    await report({ participants: [{ name: 'D.', isSelf: false }] });
    const meetingId = await deliver('linkMeetCall', { personId: dana.id }, sidebar());
    expect((await getDb().meetings.get(meetingId))?.personId).toBe(dana.id);
  });
});

describe('talk time and the end of the call', () => {
  it('adds up reported talk time, keeps it on the meeting, and marks a real call held', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const aiko = await addPerson();
    const meeting = await addMeeting(aiko.id, { meetCode: 'abc-defg-hij', plannedStart: start });
    await report({ talk: { selfMs: 1_000, othersMs: 4_000, measurable: true } });
    await report({ talk: { selfMs: 500, othersMs: 2_000, measurable: true } });
    expect((await callView())?.talk).toEqual({
      selfMs: 1_500,
      othersMs: 6_000,
      measurable: true,
      implausible: false,
    });

    vi.setSystemTime(start + 3 * 60_000);
    await report({ phase: 'ended', talk: { selfMs: 0, othersMs: 0, measurable: true } });
    const saved = await getDb().meetings.get(meeting.id);
    expect(saved).toMatchObject({
      talkSelfMs: 1_500,
      talkOthersMs: 6_000,
      status: 'held',
      heldAt: start,
    });
    vi.useRealTimers();
  });

  it('drops the talk time of a call whose speaking signal proved implausible', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const aiko = await addPerson();
    const meeting = await addMeeting(aiko.id, {
      meetCode: 'abc-defg-hij',
      plannedStart: start,
      talkSelfMs: 60_000,
      talkOthersMs: 240_000,
    });
    await report({ talk: { selfMs: 9_000, othersMs: 9_000, measurable: true } });
    vi.setSystemTime(start + 20_000);
    // Saved once (every 15 s): the meeting briefly holds the wrong figures…
    await report({ talk: { selfMs: 1_000, othersMs: 1_000, measurable: true } });
    expect((await getDb().meetings.get(meeting.id))?.talkSelfMs).toBe(70_000);
    await report({
      talk: { selfMs: 200, othersMs: 200, measurable: false, implausible: true },
    });
    // …and once found implausible, this call counts for nothing, then or later.
    await report({ talk: { selfMs: 5_000, othersMs: 0, measurable: true } });
    expect((await callView())?.talk).toEqual({
      selfMs: 60_000,
      othersMs: 240_000,
      measurable: false,
      implausible: true,
    });
    vi.setSystemTime(start + 3 * 60_000);
    await report({ phase: 'ended', talk: { selfMs: 0, othersMs: 0, measurable: true } });
    expect(await getDb().meetings.get(meeting.id)).toMatchObject({
      talkSelfMs: 60_000,
      talkOthersMs: 240_000,
    });
    vi.useRealTimers();
  });

  it('a call left within a minute does not mark the 1on1 held', async () => {
    const aiko = await addPerson();
    const meeting = await addMeeting(aiko.id, {
      meetCode: 'abc-defg-hij',
      plannedStart: Date.now(),
    });
    await report();
    await report({ phase: 'ended' });
    expect((await getDb().meetings.get(meeting.id))?.status).toBe('planned');
  });

  it('a rejoin keeps the talk time already on the meeting', async () => {
    const aiko = await addPerson();
    const meeting = await addMeeting(aiko.id, {
      meetCode: 'abc-defg-hij',
      plannedStart: Date.now(),
      talkSelfMs: 10_000,
      talkOthersMs: 30_000,
    });
    await report({ talk: { selfMs: 1_000, othersMs: 1_000, measurable: true } });
    expect((await callView())?.talk).toMatchObject({ selfMs: 11_000, othersMs: 31_000 });
    await report({ phase: 'ended' });
    expect(await getDb().meetings.get(meeting.id)).toMatchObject({
      talkSelfMs: 11_000,
      talkOthersMs: 31_000,
    });
  });

  it('another call in the same tab starts afresh', async () => {
    await report({ talk: { selfMs: 1_000, othersMs: 0, measurable: true } });
    await report({ meetCode: 'kln-mnop-qrs', talk: { selfMs: 0, othersMs: 0, measurable: true } });
    expect(await callView()).toMatchObject({ meetCode: 'kln-mnop-qrs', talk: { selfMs: 0 } });
  });
});

describe('who may say what about calls', () => {
  it('only a Meet tab reports a call; only Taiwa’s pages read or link one', async () => {
    const before = await snapshot();
    const calendar = { ...senders.calendarTab(), tab: { id: TAB } as Browser.tabs.Tab };
    await expect(
      deliver(
        'reportCall',
        {
          meetCode: 'abc-defg-hij',
          phase: 'in-call',
          title: '',
          participants: [],
          talk: { selfMs: 0, othersMs: 0, measurable: false },
        },
        calendar,
      ),
    ).rejects.toThrow(/Refused/);
    await expect(deliver('getCallView', undefined, meetTab())).rejects.toThrow(/Refused/);
    await expect(deliver('linkMeetCall', { name: 'X' }, meetTab())).rejects.toThrow(/Refused/);
    await expect(report({ talk: { selfMs: -5, othersMs: 0, measurable: true } })).rejects.toThrow(
      /Invalid reportCall/,
    );
    await expect(report({ meetCode: 'not-a-code' })).rejects.toThrow(/Invalid reportCall/);
    expect(await snapshot()).toEqual(before);
    expect(await callView()).toBeNull();
  });

  it('linking without a call in the tab says so and writes nothing', async () => {
    fakeBrowser.i18n.getMessage = ((name: string) => `message:${name}`) as never;
    const before = await snapshot();
    await expect(deliver('linkMeetCall', { name: 'X' }, sidebar())).rejects.toThrow(
      'message:call_errorNoCall',
    );
    expect(await snapshot()).toEqual(before);
  });
});
