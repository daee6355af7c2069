import { i18n } from '#i18n';
import { useLayoutEffect, useRef, useState } from 'react';
import { POPUP_SNAPSHOT_ID, SNAPSHOT_ATTR } from '@/utils/messaging/popup-snapshot';

/**
 * While the popup's data is read: the last view, if entrypoints/early-start.ts painted it before
 * the app started, else "Loading…". The painted copy's data part moves in here (the app's own
 * heading, search box and links take the place of the copy's), still inert and `aria-busy`, under
 * a status line saying it is the last view; the fresh data replaces it all. Nothing takes focus.
 */
export function LastView() {
  const slot = useRef<HTMLDivElement>(null);
  // Read once, as the app first renders: a copy painted later is never painted (snapshot.ts).
  const [{ painted, part, note }] = useState(() => {
    const painted = document.getElementById(POPUP_SNAPSHOT_ID);
    const part = painted?.querySelector(`[${SNAPSHOT_ATTR}="data"]`) ?? null;
    return { painted, part, note: part?.previousElementSibling?.textContent ?? '' };
  });
  useLayoutEffect(() => {
    if (part && slot.current && !slot.current.contains(part)) slot.current.append(part);
    painted?.remove();
  }, [painted, part]);
  if (!part) return <p role="status">{i18n.t('common.loading')}</p>;
  return (
    <>
      <p role="status" className="muted small last-view-note">
        {note || i18n.t('popup.lastView')}
      </p>
      <div ref={slot} data-testid="popup-snapshot" aria-busy="true" inert />
    </>
  );
}
