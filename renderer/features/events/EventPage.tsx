import { useTranslation } from 'react-i18next';
import type { Delegation } from '../../../main/api/contract';
import { useAnnounceError } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { formatDateRange, venue } from '../../format';
import { navigate } from '../../router';
import { BalancePanel } from './BalancePanel';
import { DelegationTable } from './DelegationTable';

function EventHeader({ event }: { event: Delegation['event'] }) {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const place = venue(event.city, event.country, i18n.language, t('common.listSeparator'));

  const remove = async () => {
    if (!(await confirm(t('events.deleteConfirm', { name: event.acronym || event.name }), t('common.delete')))) return;
    try {
      await mutate('events:delete', { id: event.id });
    } catch (error) {
      return announceError(error);
    }
    announce(t('events.deleted'));
    navigate('/events');
  };

  return (
    <header className="page-head event-head">
      <div>
        <h1 id="event-title">
          <bdi>{event.name}</bdi>
          {event.acronym && <span className="muted"> (<bdi>{event.acronym}</bdi>)</span>}
        </h1>
        <p className="event-facts">
          <span>{formatDateRange(event.startDate, event.endDate, i18n.language)}</span>
          <span>{place || t('events.venueUnknown')}</span>
          <span>{t(`events.kind.${event.kind}`)}</span>
          <span>{t(`events.modality.${event.modality}`)}</span>
          <span className={`badge status-${event.status}`}>{t(`events.status.${event.status}`)}</span>
          {event.website && (
            <a href={event.website} rel="noreferrer" dir="ltr">
              {t('events.visit')}
            </a>
          )}
        </p>
        {event.notes && <p className="notes" dir="auto">{event.notes}</p>}
      </div>
      <div className="actions">
        <a className="button" href={`#/events/${event.id}/edit`}>
          {t('common.edit')}
        </a>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('common.delete')}
        </button>
      </div>
    </header>
  );
}

export function EventPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const delegation = useQuery('delegation:get', { eventId: id });

  if (delegation.error) return <p role="alert">{t('events.notFound')}</p>;
  if (!delegation.data) return <p>{t('app.loading')}</p>;
  const { event, members, balance } = delegation.data;

  return (
    <article aria-labelledby="event-title">
      <EventHeader event={event} />
      <div className="event-body">
        <DelegationTable eventId={event.id} members={members} />
        <BalancePanel balance={balance} eventStart={event.startDate} />
      </div>
    </article>
  );
}
