import { i18n } from '#i18n';
import { useId, useRef } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { Person } from '@/utils/model/entities';
import { useAutosave, type SaveState } from '@/hooks/use-autosave';

type Field = keyof Person['profile'];

const LABELS: Record<Field, () => string> = {
  career: () => i18n.t('profile.career'),
  values: () => i18n.t('profile.values'),
  strengths: () => i18n.t('profile.strengths'),
};

const stateText = (state: SaveState) =>
  ({
    saved: i18n.t('notes.saved'),
    pending: i18n.t('notes.pending'),
    saving: i18n.t('notes.saving'),
    error: i18n.t('notes.error'),
  })[state];

/**
 * The long-lived profile of the person, apart from any one meeting: what they want to become,
 * what they value, their strengths. Saves as the user types; each save sends all three fields as
 * this page last had them, so typing in two fields quickly never undoes one.
 */
export function PersonProfile({ person }: { person: Person }) {
  const latest = useRef(person.profile);
  const save = (field: Field) => (text: string) => {
    latest.current = { ...latest.current, [field]: text };
    return sendMessage('updatePerson', { id: person.id, patch: { profile: latest.current } });
  };
  return (
    <section className="block" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{i18n.t('profile.heading')}</h2>
      {(Object.keys(LABELS) as Field[]).map((field) => (
        <ProfileField
          key={`${person.id}:${field}`}
          field={field}
          initial={person.profile[field]}
          save={save(field)}
        />
      ))}
    </section>
  );
}

function ProfileField(props: {
  field: Field;
  initial: string;
  save: (text: string) => Promise<unknown>;
}) {
  const id = useId();
  const { text, setText, state, flush } = useAutosave(props.initial, props.save);
  return (
    <div className="note">
      <label htmlFor={id}>{LABELS[props.field]()}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        maxLength={200_000}
        data-testid={`profile-${props.field}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={flush}
        aria-describedby={`${id}-state`}
      />
      <span id={`${id}-state`} className="muted small" data-state={state}>
        {stateText(state)}
      </span>
    </div>
  );
}
