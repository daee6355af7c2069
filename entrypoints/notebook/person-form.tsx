import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { Cadence, Person, Relationship } from '@/utils/model/entities';
import { CADENCES, MESSAGE_LANGUAGES, RELATIONSHIPS, SHARE_CHANNELS } from '@/utils/model/enums';
import {
  cadenceChoiceLabel,
  channelLabel,
  LANGUAGE_NAMES,
  relationshipLabel,
} from '@/utils/pages/labels';

export type PersonFields = Pick<
  Person,
  'name' | 'email' | 'relationship' | 'cadence' | 'language' | 'shareVia'
>;

const EMPTY: PersonFields = {
  name: '',
  email: '',
  relationship: 'report',
  cadence: 'biweekly',
  language: null,
  shareVia: null,
};

/**
 * Name, address, relationship and cadence of a person, and how agendas and recaps go to them
 * (their language, the channel): adding one, or editing one.
 */
export function PersonForm(props: {
  initial?: PersonFields;
  submitLabel: string;
  onSubmit: (fields: PersonFields) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<PersonFields>(() => {
    const { name, email, relationship, cadence, language, shareVia } = props.initial ?? EMPTY;
    return { name, email, relationship, cadence, language, shareVia };
  });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonFields>(key: K, value: PersonFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  return (
    <form
      className="person-form"
      data-testid="person-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void props
          .onSubmit({ ...fields, name: fields.name.trim(), email: fields.email.trim() })
          .then((ok) => {
            setBusy(false);
            if (ok && !props.initial) setFields((f) => ({ ...f, name: '', email: '' }));
          });
      }}
    >
      <label htmlFor={`${id}-name`}>{i18n.t('person.nameLabel')}</label>
      <input
        id={`${id}-name`}
        required
        maxLength={200}
        value={fields.name}
        data-testid="person-name-input"
        onChange={(e) => set('name', e.target.value)}
      />
      <label htmlFor={`${id}-email`}>{i18n.t('person.emailLabel')}</label>
      <input
        id={`${id}-email`}
        type="email"
        maxLength={320}
        value={fields.email}
        onChange={(e) => set('email', e.target.value)}
      />
      <label htmlFor={`${id}-rel`}>{i18n.t('person.relationshipLabel')}</label>
      <select
        id={`${id}-rel`}
        value={fields.relationship}
        onChange={(e) => set('relationship', e.target.value as Relationship)}
      >
        {RELATIONSHIPS.map((r) => (
          <option key={r} value={r}>
            {relationshipLabel(r)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-cadence`}>{i18n.t('person.cadenceLabel')}</label>
      <select
        id={`${id}-cadence`}
        value={fields.cadence}
        onChange={(e) => set('cadence', e.target.value as Cadence)}
      >
        {CADENCES.map((c) => (
          <option key={c} value={c}>
            {cadenceChoiceLabel(c)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lang`}>{i18n.t('share.languageLabel')}</label>
      <select
        id={`${id}-lang`}
        value={fields.language ?? ''}
        data-testid="person-language"
        onChange={(e) => set('language', (e.target.value || null) as PersonFields['language'])}
      >
        <option value="">{i18n.t('person.languageSame')}</option>
        {MESSAGE_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-via`}>{i18n.t('person.shareViaLabel')}</label>
      <select
        id={`${id}-via`}
        value={fields.shareVia ?? ''}
        data-testid="person-share-via"
        onChange={(e) => set('shareVia', (e.target.value || null) as PersonFields['shareVia'])}
      >
        <option value="">{i18n.t('person.shareViaUnset')}</option>
        {SHARE_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelLabel(c)}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !fields.name.trim()}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {i18n.t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
