import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { Cadence } from '@/utils/model/entities';
import { CADENCES } from '@/utils/model/enums';
import type { Settings } from '@/utils/settings';
import { cadenceChoiceLabel } from '@/utils/pages/labels';

/** How 1on1s go by default: the rhythm of new people, the talk-time aim, the reminder line. */
export function MeetingSettings(props: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
}) {
  const id = useId();
  const { settings, save } = props;
  const [target, setTarget] = useState(settings.talkTargetSelfPercent);
  return (
    <section className="block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.meetingsHeading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-cadence`}>{i18n.t('options.defaultCadence')}</label>
        <select
          id={`${id}-cadence`}
          data-testid="default-cadence"
          value={settings.defaultCadence}
          onChange={(e) => void save({ defaultCadence: e.target.value as Cadence })}
        >
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {cadenceChoiceLabel(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>{i18n.t('options.talkTarget')}</label>
        <input
          id={`${id}-target`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={target}
          data-testid="talk-target"
          aria-valuetext={i18n.t('options.talkTargetValue', [String(target), String(100 - target)])}
          onChange={(e) => setTarget(Number(e.target.value))}
          onPointerUp={() => void save({ talkTargetSelfPercent: target })}
          onKeyUp={() => void save({ talkTargetSelfPercent: target })}
          onBlur={() =>
            target !== settings.talkTargetSelfPercent &&
            void save({ talkTargetSelfPercent: target })
          }
        />
        <output htmlFor={`${id}-target`}>
          {i18n.t('options.talkTargetValue', [String(target), String(100 - target)])}
        </output>
        <p className="muted small">{i18n.t('options.talkTargetHint')}</p>
      </div>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="evaluation-reminder"
          checked={settings.showNotEvaluationReminder}
          onChange={(e) => void save({ showNotEvaluationReminder: e.target.checked })}
        />
        {i18n.t('options.reminder')}
      </label>
    </section>
  );
}
