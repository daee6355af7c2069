import { i18n } from '#i18n';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import type { Person } from '@/utils/model/entities';
import { cadenceChoiceLabel, relationshipLabel } from '@/utils/pages/labels';
import { act, write } from '@/utils/pages/send';
import { PersonForm } from './person-form';
import { PersonReminders } from './person-reminders';

/** The person's name and relationship, with edit, archive and delete (delete asks first). */
export function PersonHeader({ person }: { person: Person }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const name = person.name || person.email;
  return (
    <header className="person-header">
      <h2 id="person-heading" tabIndex={-1}>
        <span data-testid="person-name">{name}</span>
        {person.archived && <span className="tag">{i18n.t('history.archived')}</span>}
      </h2>
      <p className="muted">
        {relationshipLabel(person.relationship)} · {cadenceChoiceLabel(person.cadence)}
        {person.email && person.name ? ` · ${person.email}` : ''}
      </p>
      <PersonReminders person={person} />
      {editing ? (
        <PersonForm
          initial={person}
          submitLabel={i18n.t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (fields) => {
            const saved = await write('updatePerson', { id: person.id, patch: fields });
            if (saved) setEditing(false);
            return Boolean(saved);
          }}
        />
      ) : (
        <div className="form-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {i18n.t('common.edit')}
          </button>
          <button
            type="button"
            data-testid="archive-person"
            onClick={() =>
              void write('updatePerson', { id: person.id, patch: { archived: !person.archived } })
            }
          >
            {person.archived ? i18n.t('history.unarchive') : i18n.t('history.archive')}
          </button>
          <button type="button" data-testid="delete-person" onClick={() => setConfirming(true)}>
            {i18n.t('history.deletePerson')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          message={i18n.t('history.deleteConfirm', [name])}
          cancelLabel={i18n.t('common.cancel')}
          onCancel={() => setConfirming(false)}
          confirmLabel={i18n.t('history.deleteForGood')}
          confirmTestId="delete-person-confirm"
          danger
          onConfirm={() =>
            void act('deletePerson', { personId: person.id }).then((done) => {
              if (done) location.hash = '';
            })
          }
        />
      )}
    </header>
  );
}
