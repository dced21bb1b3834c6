import { useTranslation } from 'react-i18next';
import { useQuery } from '../../data';
import { formatDateRange, venue } from '../../format';

export function EventList() {
  const { t, i18n } = useTranslation();
  const events = useQuery('events:list');

  return (
    <section aria-labelledby="events-title">
      <div className="page-head">
        <h1 id="events-title">{t('events.title')}</h1>
        <a className="button primary" href="#/events/new">
          {t('events.new')}
        </a>
      </div>
      {events.error && <p role="alert" className="form-error">{t(events.error.code)}</p>}
      {events.data?.length === 0 && <p className="empty">{t('events.empty')}</p>}
      {events.data && events.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('events.field.name')}</th>
              <th scope="col">{t('events.field.dates')}</th>
              <th scope="col">{t('events.field.venue')}</th>
              <th scope="col">{t('events.field.status')}</th>
              <th scope="col" className="number">{t('events.field.delegation')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={`#/events/${e.id}`}>
                    <bdi>{e.name}</bdi>
                  </a>
                  {e.acronym && <span className="muted"> (<bdi>{e.acronym}</bdi>)</span>}
                </td>
                <td>{formatDateRange(e.startDate, e.endDate, i18n.language)}</td>
                <td>
                  {venue(e.city, e.country, i18n.language, t('common.listSeparator'))}
                </td>
                <td>{t(`events.status.${e.status}`)}</td>
                <td className="number">{new Intl.NumberFormat(i18n.language).format(e.delegationSize)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
