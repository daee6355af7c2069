import { i18n } from '#i18n';
import { useState } from 'react';
import type { Side } from '@/utils/model/entities';
import { SIDES } from '@/utils/model/enums';
import { fromDateInput } from '@/utils/pages/date-input';
import { sideLabel } from '@/utils/pages/labels';

/**
 * One line to add a topic or an action item: the text, whose it is (me / them), optionally a due
 * date, and Add (or Enter). Empty text adds nothing.
 */
export function AddWithSide(props: {
  testId: string;
  placeholder: string;
  sideLabel: string;
  defaultSide: Side;
  /** Offer a due date (action items). */
  dueLabel?: string;
  onAdd: (text: string, side: Side, due: number | null) => unknown;
}) {
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [side, setSide] = useState<Side>(props.defaultSide);
  return (
    <form
      className="add-row"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = text.trim();
        if (!trimmed) return;
        setText('');
        setDue('');
        void props.onAdd(trimmed, side, fromDateInput(due));
      }}
    >
      <input
        className="grow"
        data-testid={props.testId}
        value={text}
        maxLength={4000}
        placeholder={props.placeholder}
        aria-label={props.placeholder}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        aria-label={props.sideLabel}
        value={side}
        onChange={(e) => setSide(e.target.value as Side)}
      >
        {SIDES.map((s) => (
          <option key={s} value={s}>
            {sideLabel(s)}
          </option>
        ))}
      </select>
      {props.dueLabel && (
        <input
          type="date"
          aria-label={props.dueLabel}
          title={props.dueLabel}
          data-testid={`${props.testId}-due`}
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      )}
      <button type="submit">{i18n.t('common.add')}</button>
    </form>
  );
}
