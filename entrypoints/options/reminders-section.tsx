import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ReminderSettings, Settings } from '@/utils/settings';
import { PROMPT_WAIT_MS } from './host-access';

type Permission = 'unknown' | 'granted' | 'denied' | 'asking' | 'refused';

const NOTIFICATIONS = { permissions: ['notifications'] as 'notifications'[] };

/**
 * Asks the browser for the optional `notifications` permission, inside the click that turned
 * reminders on (the browser prompts only for a user gesture). A prompt nobody answers is not
 * waited for: reminders are on either way, and the line says notifications are not allowed yet.
 */
async function askForNotifications(): Promise<Permission> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const granted = await Promise.race([
      browser.permissions.request(NOTIFICATIONS),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), PROMPT_WAIT_MS);
      }),
    ]);
    return granted === null ? 'denied' : granted ? 'granted' : 'refused';
  } catch {
    return 'refused';
  } finally {
    clearTimeout(timer);
  }
}

/** Reminders before and after 1on1s, the morning digest, quiet hours (test id: reminders-toggle). */
export function RemindersSection(props: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
}) {
  const id = useId();
  const reminders = props.settings.reminders;
  const [permission, setPermission] = useState<Permission>('unknown');
  const [minutes, setMinutes] = useState(String(reminders.minutesBefore));
  useEffect(() => {
    void browser.permissions
      .contains(NOTIFICATIONS)
      .then((granted) => setPermission(granted ? 'granted' : 'denied'));
  }, []);
  const save = (patch: Partial<ReminderSettings>) =>
    props.save({ reminders: { ...reminders, ...patch } });
  const ask = () => {
    setPermission('asking');
    void askForNotifications().then(setPermission);
  };
  const clockField = (
    key: 'digestAt' | 'quietFrom' | 'quietTo',
    label: string,
    disabled: boolean,
  ) => (
    <label className="inline">
      {label}{' '}
      <input
        type="time"
        data-testid={`reminders-${key}`}
        value={reminders[key]}
        disabled={disabled}
        onChange={(e) =>
          /^\d{2}:\d{2}$/.test(e.target.value) && void save({ [key]: e.target.value })
        }
      />
    </label>
  );
  return (
    <section className="block" id="reminders" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('reminders.heading')}</h2>
      <p className="small">{i18n.t('reminders.intro')}</p>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="reminders-toggle"
          checked={reminders.on}
          onChange={(e) => {
            const on = e.target.checked;
            // Asked first, still inside the click.
            if (on && permission !== 'granted') ask();
            void save({ on });
          }}
        />
        {i18n.t('reminders.toggle')}
      </label>
      <p className="small" role="status" data-testid="reminders-permission" data-state={permission}>
        {permission === 'granted' && i18n.t('reminders.allowed')}
        {permission === 'asking' && i18n.t('reminders.asking')}
        {permission === 'refused' && reminders.on && i18n.t('reminders.refused')}
        {permission === 'denied' && reminders.on && i18n.t('reminders.notAllowed')}
      </p>
      {reminders.on && (permission === 'denied' || permission === 'refused') && (
        <button type="button" onClick={ask}>
          {i18n.t('reminders.allow')}
        </button>
      )}
      <fieldset disabled={!reminders.on}>
        <legend className="sr-only">{i18n.t('reminders.heading')}</legend>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>{i18n.t('reminders.minutes')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={240}
            data-testid="reminders-minutes"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            onBlur={() => {
              const value = Math.round(Number(minutes));
              if (value >= 1 && value <= 240 && value !== reminders.minutesBefore) {
                void save({ minutesBefore: value });
              } else setMinutes(String(reminders.minutesBefore));
            }}
          />
        </div>
        <label className="inline">
          <input
            type="checkbox"
            data-testid="reminders-wrap-up"
            checked={reminders.wrapUp}
            onChange={(e) => void save({ wrapUp: e.target.checked })}
          />
          {i18n.t('reminders.wrapUpSetting')}
        </label>
        <div>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="reminders-digest"
              checked={reminders.digest}
              onChange={(e) => void save({ digest: e.target.checked })}
            />
            {i18n.t('reminders.digestSetting')}
          </label>{' '}
          {clockField('digestAt', i18n.t('reminders.digestAt'), !reminders.digest)}
        </div>
        <div>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="reminders-quiet"
              checked={reminders.quiet}
              onChange={(e) => void save({ quiet: e.target.checked })}
            />
            {i18n.t('reminders.quietSetting')}
          </label>{' '}
          {clockField('quietFrom', i18n.t('reminders.quietFrom'), !reminders.quiet)}{' '}
          {clockField('quietTo', i18n.t('reminders.quietTo'), !reminders.quiet)}
        </div>
      </fieldset>
      <p className="muted small">{i18n.t('reminders.perPerson')}</p>
    </section>
  );
}
