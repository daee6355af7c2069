import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { SearchHit } from '@/utils/messaging/views';
import { worthSearching } from '@/utils/domain/tokenize';
import { shortDate } from '@/utils/pages/locale';
import { markReady } from '@/utils/pages/mark-ready';

const kindLabel = (kind: SearchHit['kind']) =>
  ({
    note: i18n.t('search.kind.note'),
    agenda: i18n.t('search.kind.agenda'),
    action: i18n.t('search.kind.action'),
  })[kind];

/**
 * Search as you type across every note, agenda and action item (Japanese and English). Each
 * keystroke asks the background; an answer to an older query is dropped. A hit opens its meeting
 * (or, for an action item without one, the person).
 */
export function SearchBox(props: {
  names: ReadonlyMap<string, string>;
  onOpen: (hit: SearchHit) => void;
  limit?: number;
}) {
  const [query, setQuery] = useState('');
  // The hits and the query they answer: while a newer query is on its way, the last hits stay.
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const resultsId = useId();
  // Earlier hits stay while the query is being refined (a word being typed), not after a new one.
  const shown =
    query.trim() && result && query.startsWith(result.query.trimEnd()) ? result.hits : null;
  useEffect(() => {
    if (!worthSearching(query)) return;
    const mine = ++asked.current;
    sendMessage('search', { query: query.slice(0, 200), limit: props.limit ?? 20 }).then(
      (found) => {
        if (mine !== asked.current) return;
        setError(null);
        setResult({ query, hits: found });
      },
      (e: unknown) =>
        mine === asked.current && setError(e instanceof Error ? e.message : String(e)),
    );
  }, [query, props.limit]);
  useEffect(() => {
    if (!result) return;
    markReady('searchResults', result.query);
  }, [result]);
  return (
    <section className="block search" role="search" aria-label={i18n.t('search.label')}>
      <input
        type="search"
        data-testid="search-input"
        aria-label={i18n.t('search.label')}
        aria-controls={resultsId}
        placeholder={i18n.t('search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error && (
        <p role="alert" className="error" data-snapshot="skip">
          {i18n.t('search.failed', [error])}
        </p>
      )}
      {/* Hits are for this query only: the popup's last view leaves them out (snapshot.ts). */}
      <div id={resultsId} aria-live="polite" data-snapshot="skip">
        {shown !== null && shown.length === 0 && <p className="muted">{i18n.t('search.none')}</p>}
        {shown !== null && shown.length > 0 && (
          <ul className="hits" data-testid="search-results">
            {shown.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`} data-testid="search-hit">
                <button type="button" className="hit" onClick={() => props.onOpen(hit)}>
                  <span className="hit-meta muted small">
                    {props.names.get(hit.personId) ?? '—'} · {kindLabel(hit.kind)} ·{' '}
                    {shortDate(hit.at)}
                  </span>
                  <span className="hit-text">{hit.excerpt}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
