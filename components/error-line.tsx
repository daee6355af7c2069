import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { onWriteError } from '@/utils/pages/send';

/** Shows the last failed write (see send.ts) until dismissed: a write never fails silently. */
export function ErrorLine() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => onWriteError(setError), []);
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {i18n.t('common.saveFailed', [error])}{' '}
      <button type="button" className="link" onClick={() => setError(null)}>
        {i18n.t('common.dismiss')}
      </button>
    </p>
  );
}
