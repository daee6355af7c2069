import type { AgendaItem } from '@/utils/model/entities';
import { RESPONSE_WORDS, SECTION_KINDS, WORDING, type SectionKind } from './wording';

type Response = AgendaItem['response'];

export interface ParsedTopic {
  text: string;
  /** The response the member asked for, when the line said one. */
  response: Response;
}

export interface ParsedTopics {
  topics: ParsedTopic[];
  /** The text or the list was longer than Taiwa takes in at once: only the start was read. */
  truncated: boolean;
  /**
   * Why nothing was found, when nothing was: the text was blank, or it is a Taiwa message that
   * holds no topics of its sender's (only the reader's own, or a recap).
   */
  nothing: 'blank' | 'no-topic' | 'no-topic-of-theirs' | null;
}

/** At most this much text is read, this many topics taken, each cut to this length. */
export const PASTE_LIMITS = { chars: 200_000, topics: 100, topicChars: 1_000 } as const;

// A bullet: "-", "*" and "+" followed by a space (so "-5%" or "*bold*" stay text), or one of the
// marks used in Japanese and rich-text lists, with or without a space.
const BULLET = /^(?:[-*+]\s+|[•・●○◦‣▪■□◆◇※►▶→]\s*|[–—]\s+)/u;
// A number: "1." (not "1.5"), "1)", "(1)", "1、", in ASCII or full-width digits, or ①…⑳.
const NUMBER =
  /^(?:[(（]\s*[0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*(?:[.．](?![0-9０-９])|[)）、])|[①-⑳])\s*/u;
const CHECKBOX = /^\[[ xX✓✔]?\]\s+/u;
const QUOTE = /^(?:>\s?)+/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
// A bracketed note at the end (or start) of a topic, where a response is usually written.
const TRAILING_NOTE = /[ \t\u3000]*[(（[【]([^()（）[\]【】]{1,40})[)）\]】]\s*$/u;
const LEADING_NOTE = /^[(（[【]([^()（）[\]【】]{1,40})[)）\]】][ \t\u3000]*/u;
const WANTED_PREFIX = /^(?:wanted|wants|want|response|希望|求めること)\s*[:：]\s*/u;

/** Text compared as a reader would: width, case and spacing aside ("ＢＵＤＧＥＴ" is "budget"). */
export const normal = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const RESPONSES = new Map<string, NonNullable<Response>>(
  Object.entries(RESPONSE_WORDS).flatMap(([response, words]) =>
    words.map((w) => [normal(w), response as NonNullable<Response>] as const),
  ),
);

/** A Taiwa message's headings, in both languages, normalised. */
const HEADINGS = new Map<string, SectionKind>(
  SECTION_KINDS.flatMap((kind) =>
    (['en', 'ja'] as const).map((lang) => [normal(WORDING[lang][kind]), kind] as const),
  ),
);

interface Line {
  indent: number;
  text: string;
  item: boolean;
}

function readLine(raw: string): Line | null {
  const unquoted = raw.replace(/\t/g, '    ').replace(QUOTE, '');
  const text = unquoted.trim();
  if (!text) return null;
  const indent = unquoted.length - unquoted.trimStart().length;
  const marker = BULLET.exec(text) ?? NUMBER.exec(text);
  if (marker) return { indent, text: text.slice(marker[0].length).trim(), item: true };
  return { indent, text, item: false };
}

/** A line that names what follows rather than being a topic: "Topics:", "## For Tuesday". */
const isHeading = (text: string) => /[:：]$/.test(text) || MARKDOWN_HEADING.test(text);

function responseOf(note: string): Response {
  return RESPONSES.get(normal(note).replace(WANTED_PREFIX, '')) ?? null;
}

/** The topic without its list debris, and the response it asks for, if it says one. */
function toTopic(raw: string): ParsedTopic | null {
  let text = raw.replace(CHECKBOX, '').replace(/\s+/g, ' ').trim();
  let response: Response = null;
  const trailing = TRAILING_NOTE.exec(text);
  const leading = LEADING_NOTE.exec(text);
  if (trailing && responseOf(trailing[1] ?? '')) {
    response = responseOf(trailing[1] ?? '');
    text = text.slice(0, trailing.index).trim();
  } else if (leading && responseOf(leading[1] ?? '')) {
    response = responseOf(leading[1] ?? '');
    text = text.slice(leading[0].length).trim();
  }
  // "Topic — (advice)" leaves a dash behind; a line of marks alone is no topic.
  text = text.replace(/\s+[–—-]\s*$/u, '').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  if (text.length > PASTE_LIMITS.topicChars)
    text = `${text.slice(0, PASTE_LIMITS.topicChars - 1)}…`;
  return { text, response };
}

/** Only the sender's own topics of a Taiwa message: the reader's are theirs already. */
function taiwaTopics(lines: Line[]): string[] {
  const found: string[] = [];
  let section: SectionKind | null = null;
  for (const line of lines) {
    const heading = line.item ? undefined : HEADINGS.get(normal(line.text));
    if (heading) section = heading;
    else if (line.item && section === 'myTopics') found.push(line.text);
  }
  return found;
}

/**
 * List items when there are any (greetings and sign-offs around them are not topics; a deeper
 * indented plain line continues the item above), else every plain line that is not a heading.
 */
function plainTopics(lines: Line[]): string[] {
  if (!lines.some((l) => l.item)) return lines.filter((l) => !isHeading(l.text)).map((l) => l.text);
  const found: string[] = [];
  let last: Line | null = null;
  for (const line of lines) {
    if (line.item) {
      found.push(line.text);
      last = line;
    } else if (last && line.indent > last.indent && !isHeading(line.text)) {
      found[found.length - 1] += ` ${line.text}`;
    } else {
      last = null;
    }
  }
  return found;
}

/**
 * Reads the topics out of what the other person sent, in any common form: bullets (`-`, `*`,
 * `・`, `•`…), numbers (`1.`, `１．`, `(1)`, `①`), plain lines, or a Taiwa agenda message in
 * either language (then only its sender's topics). A response written beside a topic
 * ("(advice)", "（聞いてほしい）", "[wanted: think together]") is taken as the response wanted.
 * Text stays text: nothing here is ever rendered as markup.
 */
export function parseTopics(input: string): ParsedTopics {
  const truncatedText = input.length > PASTE_LIMITS.chars;
  const lines = input
    .slice(0, PASTE_LIMITS.chars)
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map(readLine)
    .filter((l): l is Line => l !== null);
  if (!lines.length) return { topics: [], truncated: false, nothing: 'blank' };
  const isTaiwa = lines.some((l) => !l.item && HEADINGS.has(normal(l.text)));
  const raw = isTaiwa ? taiwaTopics(lines) : plainTopics(lines);
  const seen = new Set<string>();
  const topics: ParsedTopic[] = [];
  let truncated = truncatedText;
  for (const text of raw) {
    const topic = toTopic(text);
    if (!topic) continue;
    const key = normal(topic.text);
    if (seen.has(key)) continue;
    if (topics.length === PASTE_LIMITS.topics) {
      truncated = true;
      break;
    }
    seen.add(key);
    topics.push(topic);
  }
  const nothing = topics.length ? null : isTaiwa ? 'no-topic-of-theirs' : 'no-topic';
  return { topics, truncated, nothing };
}
