// Deadlines, soonest first, each with what is due, its source and a "done" box; overdue ones stand out.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DeadlineSummary } from '../../../main/api/contract';
import { todayIso } from '../../../main/domain/dates';
import { useAnnounceError } from '../../components/forms';
import { useMutation } from '../../data';
import { formatDate } from '../../format';
import { deadlineText } from '../deadlines/deadline-text';

export function DeadlineList({ deadlines, showEvent }: { deadlines: DeadlineSummary[]; showEvent: boolean }) {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const announceError = useAnnounceError();
  const today = todayIso();
  return (
    <ul className="plain-list deadline-list">
      {deadlines.map((d) => {
        const overdue = !d.done && d.date < today;
        return (
          <li key={d.id} className={overdue ? 'overdue' : undefined}>
            <label className="done-box">
              <input
                type="checkbox"
                checked={d.done}
                onChange={(e) => void mutate('deadlines:update', { id: d.id, done: e.target.checked }).catch(announceError)}
              />
              <span className="visually-hidden">
                {t('letters.deadline.done')}: {deadlineText(t, d)}
              </span>
            </label>
            <span className="deadline-date">
              {formatDate(d.date, i18n.language)}
              {overdue && <span className="badge overdue-badge"> {t('letters.deadline.overdue')}</span>}
            </span>{' '}
            <bdi className="deadline-what">{deadlineText(t, d)}</bdi>{' '}
            {d.estimated && (
              <span className="badge estimated" title={t('deadlines.estimated')}>
                {t('deadlines.estimatedBadge')}
              </span>
            )}{' '}
            <span className="muted">
              {showEvent && d.eventId && (
                <>
                  <Link to="/events/$eventId" params={{ eventId: d.eventId }}>
                    <bdi>{d.eventAcronym || d.eventName}</bdi>
                  </Link>{' '}
                </>
              )}
              {d.source && <bdi>{t('letters.deadline.source', { source: d.source })}</bdi>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
