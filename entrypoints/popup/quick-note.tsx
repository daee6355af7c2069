import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { PopupView } from '@/utils/messaging/views';
import { openNotebook } from '@/utils/pages/notebook-link';
import { write } from '@/utils/pages/send';

const NEW_PERSON = '';

/**
 * A 1on1 outside Calendar and Meet (in person, over coffee, ad hoc): a held meeting starting now
 * with someone known or a new name, opened in the full-page notes.
 */
export function QuickNote({ view }: { view: PopupView }) {
  const id = useId();
  const [personId, setPersonId] = useState(view.people[0]?.id ?? NEW_PERSON);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    const person =
      personId === NEW_PERSON
        ? await write('createPerson', { name: name.trim() })
        : { id: personId };
    const now = Date.now();
    const meeting =
      person &&
      (await write('createMeeting', {
        personId: person.id,
        status: 'held',
        heldAt: now,
        plannedStart: now,
      }));
    setBusy(false);
    if (meeting) await openNotebook({ meeting: meeting.id }, true);
  };
  const ready = personId !== NEW_PERSON || name.trim().length > 0;
  return (
    <section className="block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('popup.quickHeading')}</h2>
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void start();
        }}
      >
        <select
          aria-label={i18n.t('popup.quickPerson')}
          data-testid="quick-person"
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
        >
          {view.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={NEW_PERSON}>{i18n.t('popup.quickNewPerson')}</option>
        </select>
        {personId === NEW_PERSON && (
          <input
            className="grow"
            aria-label={i18n.t('popup.quickName')}
            placeholder={i18n.t('popup.quickName')}
            data-testid="quick-name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        )}
        <button
          type="submit"
          className="primary"
          disabled={!ready || busy}
          data-testid="quick-start"
        >
          {i18n.t('popup.quickStart')}
        </button>
      </form>
    </section>
  );
}
