import { i18n } from '#i18n';
import { useState } from 'react';
import type { PersonOverview } from '@/utils/messaging/views';
import { ago, shortDateTime } from '@/utils/pages/locale';
import { cadenceLabel, relationshipLabel } from '@/utils/pages/labels';
import { openNotebook } from '@/utils/pages/notebook-link';
import { SearchBox } from '@/components/search-box';
import { write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';
import { PersonForm } from './person-form';

/** Everyone the user holds 1on1s with: relationship, rhythm, last and next 1on1; add someone. */
export function PeopleList() {
  const live = useLive('listPeople', undefined);
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const all = live.state === 'ready' ? live.value : [];
  const names = new Map(all.map((o) => [o.person.id, o.person.name || o.person.email]));
  const shown = all
    .filter((o) => showArchived || !o.person.archived)
    .sort((a, b) =>
      (a.person.name || a.person.email).localeCompare(b.person.name || b.person.email),
    );
  const archivedCount = all.filter((o) => o.person.archived).length;
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading" tabIndex={-1}>
        {i18n.t('history.peopleHeading')}
      </h2>
      <SearchBox
        names={names}
        limit={50}
        onOpen={(hit) =>
          void openNotebook(hit.meetingId ? { meeting: hit.meetingId } : { person: hit.personId })
        }
      />
      {live.state === 'loading' && <p role="status">{i18n.t('common.loading')}</p>}
      {live.state === 'error' && (
        <p role="alert" className="error">
          {live.error}
        </p>
      )}
      {live.state === 'ready' && all.length === 0 && (
        <p className="muted">{i18n.t('history.empty')}</p>
      )}
      <table className="people" data-testid="people-list">
        <thead>
          <tr>
            <th scope="col">{i18n.t('person.nameLabel')}</th>
            <th scope="col">{i18n.t('person.relationshipLabel')}</th>
            <th scope="col">{i18n.t('person.cadenceLabel')}</th>
            <th scope="col">{i18n.t('history.lastColumn')}</th>
            <th scope="col">{i18n.t('history.nextColumn')}</th>
            <th scope="col">{i18n.t('history.openColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((o) => (
            <PersonRow key={o.person.id} overview={o} />
          ))}
        </tbody>
      </table>
      {archivedCount > 0 && (
        <label className="inline">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          {i18n.t('history.showArchived', [String(archivedCount)])}
        </label>
      )}
      {adding ? (
        <PersonForm
          submitLabel={i18n.t('history.addPerson')}
          onCancel={() => setAdding(false)}
          onSubmit={async (fields) => {
            const person = await write('createPerson', fields);
            if (person) setAdding(false);
            return Boolean(person);
          }}
        />
      ) : (
        <p>
          <button type="button" data-testid="add-person" onClick={() => setAdding(true)}>
            {i18n.t('history.addPerson')}
          </button>
        </p>
      )}
    </section>
  );
}

function PersonRow({ overview: o }: { overview: PersonOverview }) {
  return (
    <tr data-testid="person-row" data-person-id={o.person.id} data-archived={o.person.archived}>
      <th scope="row">
        <a href={`#person=${o.person.id}`}>{o.person.name || o.person.email}</a>
        {o.person.archived && <span className="tag">{i18n.t('history.archived')}</span>}
      </th>
      <td>{relationshipLabel(o.person.relationship)}</td>
      <td>
        <span className="cadence" data-status={o.cadence}>
          {cadenceLabel(o.cadence)}
        </span>
      </td>
      <td>{o.lastHeld ? ago(o.lastHeld.at) : '—'}</td>
      <td>{o.nextPlanned ? shortDateTime(o.nextPlanned.at) : '—'}</td>
      <td>{o.openActions}</td>
    </tr>
  );
}
