import { i18n } from '#i18n';
import type { Relationship } from '@/utils/model/entities';
import { RELATIONSHIPS } from '@/utils/model/enums';
import type { PrepView } from '@/utils/messaging/views';
import { ago, shortDateTime } from '@/utils/pages/locale';
import { cadenceLabel, relationshipLabel } from '@/utils/pages/labels';
import { write } from '@/utils/pages/send';

/** Who this 1on1 is with, how the relationship stands, and when they last met. */
export function PersonSummary({
  view,
}: {
  view: PrepView & { meeting: NonNullable<PrepView['meeting']> };
}) {
  const { person, meeting } = view.meeting;
  return (
    <div className="person">
      <p className="person-line">
        <strong data-testid="person-name">{person.name || person.email}</strong>
        <select
          aria-label={i18n.t('person.relationshipLabel')}
          value={person.relationship}
          onChange={(e) =>
            void write('updatePerson', {
              id: person.id,
              patch: { relationship: e.target.value as Relationship },
            })
          }
        >
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {relationshipLabel(r)}
            </option>
          ))}
        </select>
      </p>
      <p className="muted small">
        {meeting.plannedStart !== null && <>{shortDateTime(meeting.plannedStart)} · </>}
        <span data-testid="last-held">
          {view.lastHeld
            ? i18n.t('person.lastHeld', [ago(view.lastHeld.at)])
            : i18n.t('person.firstMeeting')}
        </span>
        {' · '}
        <span data-testid="cadence" data-status={view.cadence}>
          {cadenceLabel(view.cadence)}
        </span>
      </p>
    </div>
  );
}
