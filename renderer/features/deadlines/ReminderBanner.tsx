// What is due within the reminder lead time (Settings), said at the top of every screen until dismissed
// for the day. The desktop app also shows a system notification (main/electron/reminders.ts).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, todayIso } from '../../../main/domain/dates';
import { useQuery } from '../../data';
import { formatNumber } from '../../format';

export function ReminderBanner() {
  const { t, i18n } = useTranslation();
  const settings = useQuery('settings:get');
  const deadlines = useQuery('deadlines:list', {});
  const today = todayIso();
  const [dismissed, setDismissed] = useState<string>();
  if (!settings.data || !deadlines.data || dismissed === today) return null;
  const lead = settings.data.reminderLeadDays;
  const due = deadlines.data.filter((d) => daysBetween(today, d.date) <= lead);
  if (due.length === 0) return null;
  return (
    <div className="notice reminder" role="status" data-testid="reminder-banner">
      <p>{t('deadlines.dueSoon', { days: formatNumber(lead, i18n.language), shown: formatNumber(due.length, i18n.language) })}</p>
      <Link className="button" to="/deadlines">
        {t('deadlines.dueSoonList')}
      </Link>
      <button type="button" onClick={() => setDismissed(today)}>
        {t('deadlines.dismiss')}
      </button>
    </div>
  );
}
