import { i18n } from '#i18n';
import { useState } from 'react';
import type { CallView } from '@/utils/messaging/views';
import { write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';
import { NotOneOnOneButton } from './confirm-call';

/**
 * An unknown call: the user says whose 1on1 it is (someone known, or someone new, named as Meet
 * shows them), and Taiwa remembers the Meet code so the next call with it is recognised.
 */
export function AskPerson({ call, onLinked }: { call: CallView; onLinked: () => void }) {
  const people = useLive('listPeople', undefined);
  const other = call.participants.find((p) => !p.isSelf)?.name ?? '';
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState(other);
  const link = async (input: { personId: string } | { name: string }) => {
    if (await write('linkMeetCall', input)) onLinked();
  };
  const known =
    people.state === 'ready'
      ? people.value
          .filter((o) => !o.person.archived)
          .map((o) => o.person)
          .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email))
      : [];
  return (
    <section className="block" aria-labelledby="ask-heading" data-testid="ask-person">
      <h2 id="ask-heading">{i18n.t('call.askHeading')}</h2>
      <p className="muted small">{i18n.t('call.askHint')}</p>
      {known.length > 0 && (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (personId) void link({ personId });
          }}
        >
          <select
            className="grow"
            aria-label={i18n.t('call.pickPerson')}
            data-testid="pick-person"
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            <option value="">{i18n.t('call.pickPerson')}</option>
            {known.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.email}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!personId}>
            {i18n.t('call.thisIsThem')}
          </button>
        </form>
      )}
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void link({ name: name.trim() });
        }}
      >
        <input
          className="grow"
          data-testid="new-person-name"
          aria-label={i18n.t('call.newPersonName')}
          placeholder={i18n.t('call.newPersonName')}
          value={name}
          maxLength={1000}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!name.trim()} data-testid="create-person">
          {i18n.t('call.createPerson')}
        </button>
      </form>
      <div className="panel-actions">
        <NotOneOnOneButton onAnswered={onLinked} />
      </div>
    </section>
  );
}
