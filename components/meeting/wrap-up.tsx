import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'react';
import { nextDueDate } from '@/utils/domain/cadence';
import type { Inputs } from '@/utils/messaging/inputs';
import type { MeetingView } from '@/utils/messaging/views';
import { fromDateInput, toDateInput } from '@/utils/pages/date-input';
import { shortDate } from '@/utils/pages/locale';
import { write } from '@/utils/pages/send';
import { ShareRow } from '@/components/share/share-row';

const SCORES = [1, 2, 3, 4, 5] as const;

function ScoreGroup(props: {
  name: string;
  legend: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (value: number) => void;
}) {
  return (
    <fieldset className="score" data-testid={`wrap-up-${props.name}`}>
      <legend>{props.legend}</legend>
      <span className="muted small" aria-hidden="true">
        {props.low}
      </span>
      {SCORES.map((n) => (
        <label key={n}>
          <input
            type="radio"
            name={props.name}
            value={n}
            checked={props.value === n}
            onChange={() => props.onChange(n)}
          />
          <span>{n}</span>
        </label>
      ))}
      <span className="muted small" aria-hidden="true">
        {props.high}
      </span>
    </fieldset>
  );
}

/**
 * The end of a 1on1: the member's condition and how useful it was (1–5, the data to improve
 * one's own 1on1s), and the next 1on1 suggested from the cadence. Topics not discussed carry
 * over to the next 1on1 by themselves; this says how many.
 */
export function WrapUp({ view }: { view: MeetingView }) {
  const { meeting, person } = view;
  const [now] = useState(Date.now);
  const update = (patch: Inputs['updateMeeting']['patch']) =>
    write('updateMeeting', { id: meeting.id, patch });
  const from = meeting.heldAt ?? meeting.plannedStart ?? now;
  const suggested = nextDueDate(person.cadence, from);
  const [next, setNext] = useState(suggested === null ? '' : toDateInput(suggested));
  const [planned, setPlanned] = useState<number | null>(null);
  // Shown as chosen at once; the meeting record follows a moment later.
  const [condition, setCondition] = useState(meeting.condition);
  const [rating, setRating] = useState(meeting.rating);
  const open = view.agenda.filter((item) => !item.done).length;
  // It opens at the end of a long sidebar (when the call ends): brought into view, focus left alone.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.scrollIntoView?.({ block: 'nearest' }), []);
  return (
    <section
      ref={section}
      className="block wrap-up"
      aria-labelledby="wrap-up-heading"
      data-testid="wrap-up"
    >
      <h2 id="wrap-up-heading">{i18n.t('wrapUp.heading')}</h2>
      <ScoreGroup
        name="condition"
        legend={i18n.t('wrapUp.condition')}
        low={i18n.t('wrapUp.conditionLow')}
        high={i18n.t('wrapUp.conditionHigh')}
        value={condition}
        onChange={(value) => {
          setCondition(value);
          void update({ condition: value });
        }}
      />
      <ScoreGroup
        name="rating"
        legend={i18n.t('wrapUp.rating')}
        low={i18n.t('wrapUp.ratingLow')}
        high={i18n.t('wrapUp.ratingHigh')}
        value={rating}
        onChange={(value) => {
          setRating(value);
          void update({ rating: value });
        }}
      />
      <p className="small muted" data-testid="carry-over">
        {open ? i18n.t('wrapUp.carryOver', [String(open)]) : i18n.t('wrapUp.allDiscussed')}
      </p>
      {view.nextPlanned && planned === null ? (
        <p className="small" data-testid="next-planned">
          {i18n.t('wrapUp.alreadyPlanned', [shortDate(view.nextPlanned.at)])}
        </p>
      ) : (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromDateInput(next, from);
            if (at === null) return;
            void write('createMeeting', {
              personId: person.id,
              title: meeting.title,
              plannedStart: at,
              ...(meeting.plannedEnd !== null && meeting.plannedStart !== null
                ? { plannedEnd: at + (meeting.plannedEnd - meeting.plannedStart) }
                : {}),
            }).then((created) => created && setPlanned(at));
          }}
        >
          <label htmlFor="next-date" className="grow">
            {i18n.t('wrapUp.next')}
            {suggested !== null && (
              <span className="muted small">
                {' '}
                {i18n.t('wrapUp.suggested', [shortDate(suggested)])}
              </span>
            )}
          </label>
          <input
            id="next-date"
            type="date"
            data-testid="next-date"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <button type="submit" disabled={!next || planned !== null}>
            {i18n.t('wrapUp.plan')}
          </button>
        </form>
      )}
      {planned !== null && (
        <p role="status" className="small">
          {i18n.t('wrapUp.planned', [shortDate(planned)])}
        </p>
      )}
      {meeting.status !== 'held' && (
        <button type="button" className="primary" onClick={() => void update({ status: 'held' })}>
          {i18n.t('notes.markHeld')}
        </button>
      )}
      <ShareRow meetingId={meeting.id} name={person.name || person.email} actions={['recap']} />
    </section>
  );
}
