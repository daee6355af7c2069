import { describe, expect, it } from 'vitest';
import { actionsToCsv, csvCell } from '@/utils/export/csv';
import { personToMarkdown } from '@/utils/export/markdown';
import { getDb } from '@/entrypoints/background/db/database';
import { personTimeline } from '@/entrypoints/background/db/queries';
import { saveGoal } from '@/entrypoints/background/db/goals';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { addAction, addMeeting, addNote, addPerson, useFreshDb } from './helpers/db';

useFreshDb();

async function seed() {
  const person = await addPerson({
    profile: { career: 'EM になりたい', values: 'Honesty', strengths: '' },
  });
  const m = await addMeeting(person.id, {
    plannedStart: Date.UTC(2026, 2, 10),
    status: 'held',
    condition: 3,
    rating: 5,
    title: '# 1on1',
  });
  await addNote(m.id, '## not a heading\nShared text');
  await addNote(m.id, 'PRIVATE THOUGHT', 'private');
  await addAction(person.id, m.id, '=HYPERLINK("http://evil")');
  await writeTransaction((ctx) =>
    saveGoal(ctx, null, { personId: person.id, text: 'Lead a project', progress: 40 }),
  );
  return personTimeline(getDb(), person.id);
}

describe('personToMarkdown', () => {
  it('has profile, goals and every session; private notes only when asked', async () => {
    const timeline = await seed();
    const md = personToMarkdown(timeline, {
      includePrivate: false,
      lang: 'en',
      now: Date.UTC(2026, 10, 22),
    });
    expect(md).toContain('# Aiko Tanaka');
    expect(md).toContain('Career wishes: EM になりたい');
    expect(md).toContain('Lead a project (active, progress 40%)');
    expect(md).toContain('Condition: 3/5 · Usefulness: 5/5');
    expect(md).toContain('Shared text');
    expect(md).not.toContain('PRIVATE THOUGHT');
    expect(personToMarkdown(timeline, { includePrivate: true, lang: 'en', now: 0 })).toContain(
      'PRIVATE THOUGHT',
    );
  });

  it('keeps user text from forming headings', async () => {
    const md = personToMarkdown(await seed(), { includePrivate: false, lang: 'ja', now: 0 });
    expect(md).toContain('\\## not a heading');
    expect(md).toContain('— \\# 1on1');
    expect(md).toContain('共有メモ');
    expect(md).not.toMatch(/^## not a heading/m);
  });

  it('shows HTML in names, titles and notes as text in any Markdown viewer', async () => {
    const person = await addPerson({
      email: 'x@example.com',
      name: `<img src=x onerror="alert('name')">`,
    });
    const m = await addMeeting(person.id, {
      title: '1on1 <script>alert(1)</script>',
      status: 'held',
      plannedStart: 0,
    });
    await addNote(m.id, '<iframe src="https://evil.example"></iframe>\n> quoted & kept');
    await addAction(person.id, m.id, '<b>bold</b> move');
    const md = personToMarkdown(await personTimeline(getDb(), person.id), {
      includePrivate: true,
      lang: 'en',
      now: 0,
    });
    expect(md).not.toMatch(/<(img|script|iframe|b)\b/);
    expect(md).toContain(`# &lt;img src=x onerror="alert('name')"&gt;`);
    expect(md).toContain('1on1 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;');
    expect(md).toContain('&gt; quoted &amp; kept');
    expect(md).toContain('&lt;b&gt;bold&lt;/b&gt; move');
  });
});

describe('actionsToCsv', () => {
  it('defuses formulas and quotes what needs quoting', async () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(-2)).toBe('-2');
    const t = await seed();
    const csv = actionsToCsv(
      t.actions,
      new Map([[t.person.id, t.person]]),
      new Map(t.meetings.map((m) => [m.id, m])),
    );
    expect(csv.startsWith('\uFEFFperson,email,text')).toBe(true);
    expect(csv).toContain(
      `Aiko Tanaka,aiko.tanaka@example.com,"'=HYPERLINK(""http://evil"")",me,,false,,2026-03-10`,
    );
  });
});
