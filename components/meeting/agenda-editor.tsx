import { i18n } from '#i18n';
import type { AgendaItem, Side } from '@/utils/model/entities';
import { AGENDA_CATEGORIES, AGENDA_RESPONSES, SIDES } from '@/utils/model/enums';
import { useAutosave } from '@/hooks/use-autosave';
import { write } from '@/utils/pages/send';
import { AddWithSide } from './add-with-side';
import { categoryLabel, responseLabel, sideLabel } from '@/utils/pages/labels';

interface Props {
  meetingId: string;
  /** This meeting's agenda, already in display order (the member's topics first). */
  agenda: AgendaItem[];
  /** Unfinished topics from earlier meetings. */
  carried: AgendaItem[];
  member: Side;
  /** Another heading ("What I want to talk about" when the user is the member). */
  heading?: string;
}

const save = (meetingId: string, item: AgendaItem) => write('saveAgendaItem', { meetingId, item });

/** A new topic: ids are made here so an item keeps its identity across views and devices. */
export function newAgendaItem(fields: Partial<AgendaItem> & { text: string }, order: number) {
  return {
    id: crypto.randomUUID(),
    author: 'me',
    category: 'other',
    response: null,
    done: false,
    order,
    originId: null,
    createdAt: Date.now(),
    ...fields,
  } satisfies AgendaItem;
}

/** A copy of an earlier topic on this agenda, linked to its origin so it is resolved once. */
function carryHere(item: AgendaItem, done: boolean, order: number): AgendaItem {
  const { id, createdAt, ...topic } = item;
  return newAgendaItem({ ...topic, originId: item.originId ?? id, done }, order);
}

/**
 * The agenda of one meeting: add, edit, reorder, check off; each topic with a category, whose
 * topic it is, and the response the member wants. The member's topics always come first.
 */
export function AgendaEditor({ meetingId, agenda, carried, member, heading }: Props) {
  const nextOrder = Math.max(0, ...agenda.map((i) => i.order)) + 1;
  const move = async (index: number, by: -1 | 1) => {
    const item = agenda[index];
    const other = agenda[index + by];
    if (!item || !other || item.author !== other.author) return;
    await save(meetingId, { ...item, order: other.order });
    await save(meetingId, {
      ...other,
      order: item.order === other.order ? item.order - by : item.order,
    });
  };
  return (
    <section className="block" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{heading ?? i18n.t('agenda.heading')}</h2>
      {agenda.length === 0 && <p className="muted">{i18n.t('agenda.empty')}</p>}
      <ol className="agenda" data-testid="agenda-list">
        {agenda.map((item, index) => (
          <AgendaRow
            key={item.id}
            meetingId={meetingId}
            item={item}
            isMemberTopic={item.author === member}
            canMoveUp={agenda[index - 1]?.author === item.author}
            canMoveDown={agenda[index + 1]?.author === item.author}
            onMove={(by) => void move(index, by)}
          />
        ))}
      </ol>
      <AddWithSide
        testId="agenda-input"
        placeholder={i18n.t('agenda.addPlaceholder')}
        sideLabel={i18n.t('agenda.newAuthorLabel')}
        defaultSide={member}
        onAdd={(text, author) => save(meetingId, newAgendaItem({ text, author }, nextOrder))}
      />
      {carried.length > 0 && (
        <div className="carried">
          <h3>{i18n.t('agenda.carriedHeading')}</h3>
          <ul data-testid="carried-agenda">
            {carried.map((item) => (
              <li key={item.id}>
                <span>{item.text}</span>
                <span className="row-actions">
                  <button
                    type="button"
                    onClick={() => void save(meetingId, carryHere(item, false, nextOrder))}
                  >
                    {i18n.t('agenda.carryHere')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void save(meetingId, carryHere(item, true, nextOrder))}
                  >
                    {i18n.t('agenda.markDone')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function AgendaRow(props: {
  meetingId: string;
  item: AgendaItem;
  isMemberTopic: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (by: -1 | 1) => void;
}) {
  const { meetingId, item } = props;
  const { text, setText, state } = useAutosave(item.text, (next) =>
    save(meetingId, { ...item, text: next }),
  );
  const label = text || i18n.t('agenda.untitled');
  const patch = (fields: Partial<AgendaItem>) => void save(meetingId, { ...item, ...fields });
  return (
    <li className={props.isMemberTopic ? 'member-topic' : undefined} data-done={item.done}>
      <input
        type="checkbox"
        checked={item.done}
        aria-label={i18n.t('agenda.doneLabel', [label])}
        onChange={(e) => patch({ done: e.target.checked })}
      />
      <input
        className="grow"
        value={text}
        aria-label={i18n.t('agenda.textLabel')}
        data-save-state={state}
        onChange={(e) => setText(e.target.value)}
      />
      <span className="row-meta">
        <select
          aria-label={i18n.t('agenda.authorLabel', [label])}
          value={item.author}
          onChange={(e) => patch({ author: e.target.value as Side })}
        >
          {SIDES.map((side) => (
            <option key={side} value={side}>
              {sideLabel(side)}
            </option>
          ))}
        </select>
        <select
          aria-label={i18n.t('agenda.categoryLabel', [label])}
          value={item.category}
          onChange={(e) => patch({ category: e.target.value as AgendaItem['category'] })}
        >
          {AGENDA_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
        <select
          aria-label={i18n.t('agenda.responseLabel', [label])}
          value={item.response ?? ''}
          onChange={(e) => patch({ response: (e.target.value || null) as AgendaItem['response'] })}
        >
          <option value="">{responseLabel(null)}</option>
          {AGENDA_RESPONSES.map((r) => (
            <option key={r} value={r}>
              {responseLabel(r)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon"
          disabled={!props.canMoveUp}
          aria-label={i18n.t('agenda.moveUp', [label])}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          disabled={!props.canMoveDown}
          aria-label={i18n.t('agenda.moveDown', [label])}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon"
          aria-label={i18n.t('agenda.remove', [label])}
          onClick={() => void write('deleteAgendaItem', { meetingId, itemId: item.id })}
        >
          ×
        </button>
      </span>
    </li>
  );
}
