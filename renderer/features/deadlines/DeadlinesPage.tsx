// The dashboard of dates: every open deadline by how soon it falls (overdue, this week, this month,
// later), each with its countdown, its event and what to do; an event's timeline; the calendar export.
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineSummary } from '../../../main/api/contract';
import { boardOf, type Board, type BoardItem } from '../../../main/domain/deadline-board';
import { asLanguage } from '../../../main/domain/enums';
import { todayIso } from '../../../main/domain/dates';
import { useAnnounceError } from '../../components/forms';
import { useReceiveFile } from '../../components/save-file';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useMutation, useQuery } from '../../data';
import { formatCountdown, formatDate, formatNumber } from '../../format';
import { deadlineText } from './deadline-text';
import { NewDeadline } from './NewDeadline';
import { ReminderBanner } from './ReminderBanner';

const route = getRouteApi('/deadlines');
const GROUPS = ['overdue', 'week', 'month', 'later'] as const;

function DeadlineRow({ d, showEvent }: { d: BoardItem<DeadlineSummary>; showEvent: boolean }) {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const announceError = useAnnounceError();
  const what = deadlineText(t, d);
  return (
    <li className="deadline-row" data-testid="deadline-item">
      <label className="done-box">
        <input type="checkbox" checked={d.done} onChange={(e) => void mutate('deadlines:update', { id: d.id, done: e.target.checked }).catch(announceError)} />
        <span className="visually-hidden">
          {t('letters.deadline.done')}: {what}
        </span>
      </label>
      <span className="deadline-when">
        <span className="strong">{formatDate(d.date, i18n.language)}</span>
        <span className={d.daysLeft < 0 ? 'countdown overdue-text' : 'countdown'}>{formatCountdown(d.daysLeft, i18n.language)}</span>
      </span>
      <span className="deadline-body">
        <bdi className="deadline-what">{what}</bdi>
        {d.estimated && (
          <span className="badge estimated" title={t('deadlines.estimated')}>
            {t('deadlines.estimatedBadge')}
          </span>
        )}
        <span className="muted small block">
          {t(`letters.deadlineKind.${d.kind}`)}
          {showEvent && d.eventId && (
            <>
              {' · '}
              <Link to="/events/$eventId" params={{ eventId: d.eventId }}>
                <bdi>{d.eventAcronym || d.eventName}</bdi>
              </Link>
            </>
          )}
          {d.contributionTitle && (
            <>
              {' · '}
              <Link to="/contributions" search={{ eventId: d.eventId }}>
                <bdi>{d.contributionTitle}</bdi>
              </Link>
            </>
          )}
          {d.personName && (
            <>
              {' · '}
              <Link to="/people/$personId" params={{ personId: d.personId! }}>
                <bdi>{d.personName}</bdi>
              </Link>
            </>
          )}
          {d.source && (
            <>
              {' · '}
              {/* The source is a citation as written (often English): isolated so that it keeps its own direction. */}
              <bdi>{t(d.ruleId ? 'deadlines.ruleSource' : 'letters.deadline.source', { source: `\u2068${d.source}\u2069` })}</bdi>
            </>
          )}
        </span>
      </span>
    </li>
  );
}

function BoardGroups({ board, showEvent }: { board: Board<DeadlineSummary>; showEvent: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="deadline-board">
      {GROUPS.map((group) => (
        <section key={group} className={`deadline-group group-${group}`} aria-labelledby={`deadlines-${group}`} data-testid={`deadlines-${group}`}>
          <h2 id={`deadlines-${group}`}>
            {t(`deadlines.group.${group}`)} <span className="muted">({formatNumber(board[group].length, i18n.language)})</span>
          </h2>
          {board[group].length === 0 ? (
            <p className="muted small">{t('deadlines.groupEmpty')}</p>
          ) : (
            <ul className="plain-list">
              {board[group].map((d) => (
                <DeadlineRow key={d.id} d={d} showEvent={showEvent} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** An event's deadlines in order, done ones too, up to its opening. */
function Timeline({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const event = useQuery('events:get', { id: eventId });
  const all = useQuery('deadlines:list', { eventId, includeDone: true });
  if (!event.data || !all.data) return null;
  const today = todayIso();
  return (
    <section aria-labelledby="timeline-title" className="card timeline">
      <h2 id="timeline-title">
        {t('deadlines.timeline')}: <bdi>{event.data.acronym || event.data.name}</bdi>
      </h2>
      <ol className="plain-list">
        {all.data.map((d) => (
          <li key={d.id} className={d.done ? 'done' : d.date < today ? 'overdue' : undefined}>
            <span className="strong">{formatDate(d.date, i18n.language)}</span> <bdi>{deadlineText(t, d)}</bdi>
            {d.done && <span className="muted"> ({t('letters.deadline.done')})</span>}
          </li>
        ))}
        <li className="opening">
          <span className="strong">{formatDate(event.data.startDate, i18n.language)}</span> <bdi>{event.data.acronym || event.data.name}</bdi>
        </li>
      </ol>
    </section>
  );
}

export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const { eventId } = route.useSearch();
  const navigate = route.useNavigate();
  const events = useQuery('events:list');
  const deadlines = useQuery('deadlines:list', eventId ? { eventId } : {});
  const mutate = useMutation();
  const receive = useReceiveFile();
  const announceError = useAnnounceError();
  const select = useId();
  // Today where the user is, read at each render: the lists move on as the days do.
  const today = todayIso();
  const board = useMemo(() => boardOf(deadlines.data ?? [], today), [deadlines.data, today]);

  return (
    <section aria-labelledby="deadlines-title" className="deadlines-page">
      <ScreenTitle id="deadlines-title">{t('deadlines.title')}</ScreenTitle>
      <ReminderBanner linked={false} />
      <p className="muted">{t('deadlines.intro')}</p>
      <div className="actions">
        <label htmlFor={select}>{t('deadlines.event')}</label>
        <select id={select} value={eventId ?? ''} onChange={(e) => void navigate({ search: { eventId: e.target.value || undefined } })}>
          <option value="">{t('deadlines.allEvents')}</option>
          {(events.data ?? []).map((e) => (
            <option key={e.id} value={e.id}>
              {e.acronym || e.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => void mutate('deadlines:exportIcs', { eventId, language: asLanguage(i18n.language) ?? 'en' }).then(receive, announceError)}
        >
          {t('deadlines.exportIcs')}
        </button>
      </div>
      <NewDeadline events={events.data ?? []} preselected={eventId} />
      {deadlines.data && deadlines.data.length === 0 ? <p className="empty">{t('deadlines.none')}</p> : <BoardGroups board={board} showEvent={!eventId} />}
      {eventId && <Timeline eventId={eventId} />}
    </section>
  );
}
