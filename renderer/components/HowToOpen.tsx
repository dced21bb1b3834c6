// Browser mode's address without its token: the data cannot be reached, and saying "0 events"
// would look like data loss. This says how to open the app instead.
import { useTranslation } from 'react-i18next';

export function HowToOpen() {
  const { t } = useTranslation();
  return (
    <main id="main" className="how-to-open">
      <h1>{t('howToOpen.title')}</h1>
      <p>{t('howToOpen.why')}</p>
      <ol>
        <li>{t('howToOpen.step1')}</li>
        <li>{t('howToOpen.step2')}</li>
      </ol>
      <p className="muted">{t('howToOpen.safe')}</p>
    </main>
  );
}
