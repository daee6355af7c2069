import { i18n } from '#i18n';
import { useState } from 'react';
import { write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';
import type { Person } from '@/utils/model/entities';

/** Reminders of this person's 1on1s, on or off (shown while reminders are on at all). */
export function PersonReminders({ person }: { person: Person }) {
  const live = useLive('getSettings', undefined);
  const [muted, setMuted] = useState<boolean | null>(null);
  if (live.state !== 'ready' || !live.value.reminders.on) return null;
  const reminders = live.value.reminders;
  const isMuted = muted ?? reminders.mutedPeople.includes(person.id);
  return (
    <label className="inline">
      <input
        type="checkbox"
        data-testid="person-reminders"
        checked={!isMuted}
        onChange={(e) => {
          const mute = !e.target.checked;
          setMuted(mute);
          const others = reminders.mutedPeople.filter((id) => id !== person.id);
          void write('saveSettings', {
            reminders: { ...reminders, mutedPeople: mute ? [...others, person.id] : others },
          }).then((saved) => {
            if (!saved) setMuted(null);
            live.reload();
          });
        }}
      />
      {i18n.t('reminders.person', [person.name || person.email])}
    </label>
  );
}
