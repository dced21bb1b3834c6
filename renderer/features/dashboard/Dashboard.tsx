import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../main/api/contract';
import { todayIso } from '../../../main/domain/dates';
import { useQuery } from '../../data';
import { formatDate, formatDateRange, formatNumber, venue } from '../../format';
import { whenOf, type When } from '../events/when';
import { ScreenTitle } from '../../components/ScreenTitle';
import { ReminderBanner } from '../deadlines/ReminderBanner';
import { DeadlineList } from '../letters/DeadlineList';

/** How far back "recently past" reaches. */
const RECENT_DAYS = 90;
/** Events shown per group; the rest are one link away, in Events. */
const SHOWN = 8;

function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function EventGroup({ id, title, events, empty, when }: { id: string; title: string; events: EventSummary[]; empty?: string; when: When }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0 && !empty) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {events.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="plain-list">
          {events.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <Link to="/events/$eventId" params={{ eventId: e.id }}>
                <bdi>{e.acronym || e.name}</bdi>
              </Link>{' '}
              <span className="muted">
                {formatDateRange(e.startDate, e.endDate, i18n.language)}
                {e.city && (
                  <>
                    {' · '}
                    <bdi>{venue(e.city, e.country, i18n.language, t('common.listSeparator'))}</bdi>
                  </>
                )}
                {' · '}
                {t('dashboard.delegationSize', { count: e.delegationSize, shown: formatNumber(e.delegationSize, i18n.language) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {events.length > SHOWN && (
        <p className="more">
          <Link to="/events" search={{ when }}>
            {t('dashboard.allOf', { count: events.length, shown: formatNumber(events.length, i18n.language) })}
          </Link>
        </p>
      )}
    </section>
  );
}

/** Letters whose reply is still to do, the soonest reply-by date first. */
function LettersCard() {
  const { t, i18n } = useTranslation();
  const letters = useQuery('invitations:list', { replyStatus: 'toDo' });
  const shown = (letters.data ?? []).slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="awaiting-title">
      <h2 id="awaiting-title">{t('dashboard.awaitingReply')}</h2>
      {shown.length === 0 ? (
        <p className="empty">{t('dashboard.noAwaiting')}</p>
      ) : (
        <ul className="plain-list">
          {shown.map((l) => (
            <li key={l.id}>
              <bdi className="strong">{l.reference || l.fileName}</bdi>{' '}
              <span className="muted">
                {l.replyBy && `${t('letters.field.replyBy')} ${formatDate(l.replyBy, i18n.language)}`}
                {(l.eventAcronym || l.eventName) && (
                  <>
                    {' · '}
                    <bdi>{l.eventAcronym || l.eventName}</bdi>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="more">
        <Link to="/letters">{t('dashboard.allLetters')}</Link>
      </p>
    </section>
  );
}

/** Deadlines not done: the overdue ones of the last weeks, then what comes. */
function DeadlinesCard() {
  const { t } = useTranslation();
  const deadlines = useQuery('deadlines:list', {});
  const since = daysBefore(todayIso(), RECENT_DAYS);
  const shown = (deadlines.data ?? []).filter((d) => d.date >= since).slice(0, SHOWN);
  return (
    <section className="card" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('dashboard.nextDeadlines')}</h2>
      {shown.length === 0 ? <p className="empty">{t('dashboard.noDeadlines')}</p> : <DeadlineList deadlines={shown} showEvent />}
      <p className="more">
        <Link to="/deadlines">{t('dashboard.allDeadlines')}</Link>
      </p>
    </section>
  );
}

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const events = useQuery('events:list');
  const totals = useQuery('app:totals');
  const groups = useMemo(() => {
    const today = todayIso();
    const recent = daysBefore(today, RECENT_DAYS);
    const all = events.data ?? [];
    const byStart = (a: EventSummary, b: EventSummary) => a.startDate.localeCompare(b.startDate);
    return {
      inProgress: all.filter((e) => whenOf(e, today) === 'inProgress').sort(byStart),
      upcoming: all.filter((e) => whenOf(e, today) === 'upcoming').sort(byStart),
      recent: all.filter((e) => whenOf(e, today) === 'past' && e.endDate >= recent).sort((a, b) => byStart(b, a)),
    };
  }, [events.data]);
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <section aria-labelledby="dashboard-title">
      <ScreenTitle id="dashboard-title">{t('dashboard.title')}</ScreenTitle>
      <ReminderBanner />
      {events.loading ? (
        <p>{t('app.loading')}</p>
      ) : (
        <div className="cards">
          <EventGroup id="in-progress-title" title={t('dashboard.inProgress')} events={groups.inProgress} when="inProgress" />
          <EventGroup id="upcoming-title" title={t('dashboard.upcoming')} events={groups.upcoming} empty={t('dashboard.noUpcoming')} when="upcoming" />
          <EventGroup id="recent-title" title={t('dashboard.recentlyPast')} events={groups.recent} when="past" />
          <section className="card" aria-labelledby="totals-title">
            <h2 id="totals-title">{t('dashboard.totals')}</h2>
            {totals.data && (
              <>
                <p>{t('dashboard.eventCount', { count: totals.data.events, shown: n(totals.data.events) })}</p>
                <p>{t('dashboard.peopleCount', { count: totals.data.people, shown: n(totals.data.people) })}</p>
              </>
            )}
          </section>
          <LettersCard />
          <DeadlinesCard />
        </div>
      )}
    </section>
  );
}
