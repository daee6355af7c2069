import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { act } from '@/components/send';

/** Deletes everything Taiwa holds on this device, after the user says so twice. */
export function DeleteAll() {
  const id = useId();
  const [sure, setSure] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section className="block danger-zone" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.deleteHeading')}</h2>
      <p>{i18n.t('options.deleteHint')}</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={sure}
          data-testid="delete-all-sure"
          onChange={(e) => {
            setSure(e.target.checked);
            setDone(false);
          }}
        />
        {i18n.t('options.deleteSure')}
      </label>
      <button
        type="button"
        className="danger"
        disabled={!sure}
        data-testid="delete-all"
        onClick={() =>
          void act('deleteAll', { confirm: 'delete-everything' }).then((ok) => {
            setDone(ok);
            setSure(false);
          })
        }
      >
        {i18n.t('options.deleteAll')}
      </button>
      <p role="status">{done ? i18n.t('options.deleted') : ''}</p>
    </section>
  );
}
