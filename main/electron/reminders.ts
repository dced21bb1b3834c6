// The desktop app's reminders: at start and then once a day while it runs, a system notification of
// the deadlines due within the lead time set in Settings (overdue ones included). Nothing leaves the computer.
import { Notification } from 'electron';
import type { TFunction } from 'i18next';
import { deadlineWhat } from '../api/channels/deadlines';
import { dueWithin } from '../domain/deadline-board';
import { todayIso } from '../domain/dates';
import type { ReadView } from '../store/model';

const HOUR = 60 * 60 * 1000;
const LISTED = 3;

/** The notification's words for what is due, or null when nothing is. */
export function reminderText(read: ReadView, t: TFunction, today: string): { title: string; body: string } | null {
  const lead = read.settings.reminderLeadDays;
  const due = dueWithin(read.deadlines.list(), today, lead)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (due.length === 0) return null;
  const names = due.slice(0, LISTED).map((d) => {
    const event = d.eventId ? read.events.find(d.eventId) : undefined;
    const what = deadlineWhat(t, d);
    return event ? `${event.acronym || event.name}: ${what}` : what;
  });
  const list = due.length > LISTED ? `${names.join('; ')}…` : names.join('; ');
  return { title: t('deadlines.notificationTitle'), body: t('deadlines.notificationBody', { days: lead, list }) };
}

/** Checks every hour and notifies once a calendar day; returns what stops it. */
export function startReminders(view: () => ReadView | undefined, t: () => TFunction, now: () => Date = () => new Date()): () => void {
  let notifiedOn = '';
  const check = () => {
    const read = view();
    const today = todayIso(now());
    if (!read || notifiedOn === today || !Notification.isSupported()) return;
    const text = reminderText(read, t(), today);
    notifiedOn = today;
    if (text) new Notification(text).show();
  };
  check();
  const timer = setInterval(check, HOUR);
  timer.unref?.();
  return () => clearInterval(timer);
}
