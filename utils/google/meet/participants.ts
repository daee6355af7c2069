import { MEET, SELF_GLYPHS } from './selectors';
import { TEXTS } from './texts';
import { glyphsOn } from './call-page';

export interface Participant {
  /** The tile's participant id where Meet has one, else the name: stable while in the call. */
  key: string;
  name: string;
  isSelf: boolean;
  /** Whether the tile's speaking indicator shows speech; null when the tile has none. */
  speaking: boolean | null;
}

export interface ParticipantReading {
  participants: Participant[];
  /** Which layer found them: 2024–26 tiles, older tiles, the People panel, or nothing. */
  source: 'tiles' | 'old-tiles' | 'people-panel' | 'none';
}

/** A name as shown: trimmed, one space between words, at most 200 characters. */
const clean = (text: string | null | undefined) =>
  (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

/** The People panel's name of a row, without "(You)" and host suffixes. */
function rowName(row: Element): string {
  let name = clean(row.getAttribute('aria-label'));
  for (const suffix of TEXTS.self) name = name.replace(suffix, '').trim();
  return name;
}

function isSelfRow(row: Element): boolean {
  const text = (row.textContent ?? '').toLowerCase();
  return TEXTS.self.some((t) => text.includes(t));
}

/** The user's own display name: the old UI's attribute, else the People panel's "(You)" row. */
export function readSelfName(doc: Document): string | null {
  const attr = clean(doc.querySelector(MEET.selfName)?.getAttribute('data-self-name'));
  if (attr) return attr;
  for (const selector of MEET.peopleRow) {
    for (const row of doc.querySelectorAll(selector))
      if (isSelfRow(row)) return rowName(row) || null;
  }
  return null;
}

/** A tile's name: the first name span that is not part of a button (those carry icon text). */
function tileName(tile: Element): string {
  for (const span of tile.querySelectorAll(MEET.tileName)) {
    if (span.closest('button') || span.querySelector(MEET.glyph.join(','))) continue;
    const name = clean(span.textContent);
    if (name) return name;
  }
  return '';
}

/**
 * Who is in the call and who is speaking. Tiles come first (keyed by participant id, since names
 * repeat and change); the self tile is the one with the effects controls, or the one named as
 * the user. Without tiles, the People panel still tells who is there (but not who speaks).
 */
export function readParticipants(doc: Document): ParticipantReading {
  const selfName = readSelfName(doc);
  for (const [index, selector] of MEET.tile.entries()) {
    const byKey = new Map<string, Participant>();
    for (const tile of doc.querySelectorAll(selector)) {
      const name = tileName(tile);
      // The lobby's self preview and effects pane have a participant id but no name.
      if (!name) continue;
      const key =
        tile.getAttribute('data-participant-id') ??
        `${selector}:${tile.getAttribute('data-allocation-index')}`;
      const indicator = tile.querySelector(MEET.speakingIndicator);
      const speaking = indicator ? !indicator.classList.contains(MEET.quietClass) : null;
      const isSelf =
        SELF_GLYPHS.some((g) => glyphsOn(tile).has(g)) || (selfName !== null && name === selfName);
      const seen = byKey.get(key);
      // Meet can show one participant twice (main stage and filmstrip): one entry, speaking if either says so.
      byKey.set(key, {
        key,
        name,
        isSelf: isSelf || (seen?.isSelf ?? false),
        speaking: seen?.speaking || speaking,
      });
    }
    if (byKey.size)
      return { participants: [...byKey.values()], source: index === 0 ? 'tiles' : 'old-tiles' };
  }
  const rows = MEET.peopleRow.flatMap((s) => [...doc.querySelectorAll(s)]);
  const participants = rows
    .map((row) => ({
      key: `people:${rowName(row)}`,
      name: rowName(row),
      isSelf: isSelfRow(row),
      speaking: null,
    }))
    .filter((p) => p.name);
  return { participants, source: participants.length ? 'people-panel' : 'none' };
}
