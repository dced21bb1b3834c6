import { useTranslation } from 'react-i18next';
import { useQuery } from '../../data';
import { countryName, formatDate, personName } from '../../format';

export function PeopleList() {
  const { t, i18n } = useTranslation();
  const people = useQuery('people:list');

  return (
    <section aria-labelledby="people-title">
      <div className="page-head">
        <h1 id="people-title">{t('people.title')}</h1>
        <a className="button primary" href="#/people/new">
          {t('people.new')}
        </a>
      </div>
      {people.error && <p role="alert" className="form-error">{t(people.error.code)}</p>}
      {people.data?.length === 0 && <p className="empty">{t('people.empty')}</p>}
      {people.data && people.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('people.field.name')}</th>
              <th scope="col">{t('people.field.gender')}</th>
              <th scope="col">{t('people.field.birthDate')}</th>
              <th scope="col">{t('people.field.nationality')}</th>
              <th scope="col">{t('people.field.organisation')}</th>
              <th scope="col">{t('people.field.events')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`#/people/${p.id}`}>
                    <bdi>{personName(p)}</bdi>
                  </a>
                  {p.function && <div className="muted small"><bdi>{p.function}</bdi></div>}
                </td>
                <td>{t(`people.gender.${p.gender}`)}</td>
                <td>{formatDate(p.birthDate, i18n.language) || <span className="muted">{t('common.notRecorded')}</span>}</td>
                <td>{countryName(p.nationality, i18n.language)}</td>
                <td>
                  <bdi>{p.organisation}</bdi>
                </td>
                <td>{t('people.eventCount', { count: p.eventCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
