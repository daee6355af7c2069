import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { feedState, feedStatusLines } from '@/utils/pages/feed-messages';
import { write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';
import { parseFeedUrl } from '@/utils/feed/url';
import { ensureFeedAccess } from './host-access';

type Outcome =
  { state: 'idle' } | { state: 'busy'; message: string } | { state: 'done'; message: string };

/**
 * The optional calendar feed (test ids from DESIGN.md: feed-url, feed-connect, feed-status).
 * The address is a secret: once saved it is shown masked, and a new one replaces it only when
 * it reads whole. Every failure is said in words in the status, and in the popup.
 */
export function FeedSection() {
  const id = useId();
  const live = useLive('getFeedStatus', undefined);
  const status = live.state === 'ready' ? live.value : null;
  const [changing, setChanging] = useState(false);
  const [url, setUrl] = useState('');
  const [self, setSelf] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const busy = outcome.state === 'busy' || !!status?.running;
  const editing = !status?.enabled || changing;
  const selfValue = self ?? status?.selfEmail ?? '';

  const connect = async () => {
    const parsed = parseFeedUrl(url);
    if (typeof parsed === 'string') {
      // The background says why, in the status, like any failure: no access to ask for.
      setOutcome({ state: 'idle' });
      await write('feedConnect', { url, selfEmail: selfValue || null });
      return;
    }
    setOutcome({ state: 'busy', message: i18n.t('feed.askingAccess', [parsed.host]) });
    const access = await ensureFeedAccess(parsed);
    if (access === 'refused') {
      setOutcome({ state: 'done', message: i18n.t('feed.accessRefused', [parsed.host]) });
      return;
    }
    setOutcome({
      state: 'busy',
      message:
        access === 'unanswered'
          ? `${i18n.t('feed.accessUnanswered', [parsed.host])} ${i18n.t('feed.connecting')}`
          : i18n.t('feed.connecting'),
    });
    const result = await write('feedConnect', { url, selfEmail: selfValue || null });
    if (result?.ok) {
      setUrl('');
      setChanging(false);
      setOutcome({ state: 'done', message: i18n.t('feed.connected') });
    } else {
      // The failure is in the status (it says whether a feed in use stays).
      setOutcome({ state: 'idle' });
    }
  };

  const lines = status ? feedStatusLines(status) : [];
  return (
    <section className="block" id="feed" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('feed.heading')}</h2>
      <p>{i18n.t('feed.intro')}</p>
      <p className="small">{i18n.t('feed.where')}</p>
      <p className="small">{i18n.t('feed.secret')}</p>
      <form
        className="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) void connect();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-url`}>{i18n.t('feed.url')}</label>
          <input
            id={`${id}-url`}
            type="text"
            inputMode="url"
            data-testid="feed-url"
            required={editing}
            readOnly={!editing}
            value={editing ? url : (status?.address ?? '')}
            aria-describedby={`${id}-url-hint`}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setUrl(e.target.value)}
          />
          <p id={`${id}-url-hint`} className="muted small">
            {editing ? i18n.t('feed.urlHint') : i18n.t('feed.inUse', [status?.address ?? ''])}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-self`}>{i18n.t('feed.self')}</label>
          <input
            id={`${id}-self`}
            type="email"
            data-testid="feed-self"
            value={selfValue}
            aria-describedby={`${id}-self-hint`}
            autoComplete="email"
            spellCheck={false}
            onChange={(e) => setSelf(e.target.value)}
          />
          <p id={`${id}-self-hint`} className="muted small">
            {i18n.t('feed.selfHint')}
            {status?.feedSelf ? ` ${i18n.t('feed.selfFromFeed', [status.feedSelf])}` : ''}
          </p>
        </div>
        <div className="form-actions">
          {editing ? (
            <>
              <button type="submit" data-testid="feed-connect" disabled={busy}>
                {i18n.t('feed.connect')}
              </button>
              {changing && (
                <button type="button" onClick={() => setChanging(false)}>
                  {i18n.t('feed.keepInUse')}
                </button>
              )}
            </>
          ) : (
            <>
              <button
                type="button"
                data-testid="feed-refresh"
                disabled={busy}
                onClick={() => void write('feedRefresh', undefined)}
              >
                {i18n.t('feed.refresh')}
              </button>
              {self !== null && self !== (status?.selfEmail ?? '') && (
                <button
                  type="button"
                  data-testid="feed-save-self"
                  disabled={busy}
                  onClick={() =>
                    void write('feedSetSelf', { selfEmail: selfValue || null }).then(
                      (saved) => saved && setSelf(null),
                    )
                  }
                >
                  {i18n.t('feed.saveSelf')}
                </button>
              )}
              <button type="button" data-testid="feed-change" onClick={() => setChanging(true)}>
                {i18n.t('feed.change')}
              </button>
              <button
                type="button"
                data-testid="feed-off"
                disabled={busy}
                onClick={() =>
                  void write('feedDisconnect', { confirm: 'turn-off-feed' }).then(
                    (done) =>
                      done && setOutcome({ state: 'done', message: i18n.t('feed.turnedOff') }),
                  )
                }
              >
                {i18n.t('feed.turnOff')}
              </button>
            </>
          )}
        </div>
        {!editing && <p className="muted small">{i18n.t('feed.turnOffHint')}</p>}
      </form>
      <div
        className="sync-status"
        role="status"
        aria-live="polite"
        data-testid="feed-status"
        data-state={outcome.state === 'busy' ? 'running' : feedState(status)}
        data-error={status?.lastError?.kind ?? ''}
      >
        {outcome.state !== 'idle' && <p>{outcome.message}</p>}
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </section>
  );
}
