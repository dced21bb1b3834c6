// An event's letters and deadlines, on its page.
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../data';
import { formatDate } from '../../format';
import { DeadlineList } from './DeadlineList';
import { useOpenOriginal } from './open-original';

export function EventLetters({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const letters = useQuery('invitations:list', { eventId });
  const deadlines = useQuery('deadlines:list', { eventId, includeDone: true });
  const openOriginal = useOpenOriginal();
  if (!letters.data || !deadlines.data) return null;
  return (
    <section className="event-letters" aria-labelledby="event-letters-title">
      <h2 id="event-letters-title">{t('letters.forEvent')}</h2>
      {letters.data.length === 0 ? (
        <p className="empty">{t('letters.noneForEvent')}</p>
      ) : (
        <ul className="plain-list">
          {letters.data.map((l) => (
            <li key={l.id}>
              <bdi className="strong">{l.reference || l.fileName}</bdi>{' '}
              <span className="muted">
                {l.letterDate && formatDate(l.letterDate, i18n.language)} · {t(`letters.replyStatus.${l.replyStatus}`)}
                {l.replyBy && ` · ${t('letters.field.replyBy')} ${formatDate(l.replyBy, i18n.language)}`}
              </span>{' '}
              {l.attachment && (
                <button type="button" className="link-button" onClick={() => void openOriginal(l.id)}>
                  {t('letters.openOriginal')}
                  <span className="visually-hidden"> {l.reference || l.fileName}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {deadlines.data.length > 0 && <DeadlineList deadlines={deadlines.data} showEvent={false} />}
    </section>
  );
}
