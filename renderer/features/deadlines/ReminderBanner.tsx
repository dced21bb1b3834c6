// What is due within the reminder lead time (Settings), at the top of the Dashboard (the screen the app
// opens on) and of the Deadlines screen until dismissed for the day. Not a live region: the app's one
// status region stays for confirmations. The desktop app also notifies (main/electron/reminders.ts).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dueWithin } from '../../../main/domain/deadline-board';
import { todayIso } from '../../../main/domain/dates';
import { useQuery } from '../../data';
import { formatNumber } from '../../format';

export function ReminderBanner({ linked = true }: { linked?: boolean }) {
  const { t, i18n } = useTranslation();
  const settings = useQuery('settings:get');
  const deadlines = useQuery('deadlines:list', {});
  const today = todayIso();
  const [dismissed, setDismissed] = useState<string>();
  if (!settings.data || !deadlines.data || dismissed === today) return null;
  const lead = settings.data.reminderLeadDays;
  const due = dueWithin(deadlines.data, today, lead);
  if (due.length === 0) return null;
  return (
    <section className="notice reminder" aria-label={t('deadlines.notificationTitle')} data-testid="reminder-banner">
      <p>{t('deadlines.dueSoon', { days: formatNumber(lead, i18n.language), shown: formatNumber(due.length, i18n.language) })}</p>
      {linked && (
        <Link className="button" to="/deadlines">
          {t('deadlines.dueSoonList')}
        </Link>
      )}
      <button type="button" onClick={() => setDismissed(today)}>
        {t('deadlines.dismiss')}
      </button>
    </section>
  );
}
