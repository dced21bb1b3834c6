import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../main/domain/enums';
import { call, onAppEvent, onWarnings } from './api';
import { DataBanner } from './components/DataBanner';
import { StatusProvider, useStatus } from './components/Status';
import { useMutation } from './data';
import { Dashboard } from './features/dashboard/Dashboard';
import { EventForm } from './features/events/EventForm';
import { EventList } from './features/events/EventList';
import { EventPage } from './features/events/EventPage';
import { PeopleList } from './features/people/PeopleList';
import { PersonForm } from './features/people/PersonForm';
import { SettingsPage } from './features/settings/SettingsPage';
import { matchRoute, navigate, useRoute } from './router';

const NAV = [
  { route: '/', key: 'nav.dashboard' },
  { route: '/events', key: 'nav.events' },
  { route: '/people', key: 'nav.people' },
  { route: '/settings', key: 'nav.settings' },
] as const;

function Screen({ route }: { route: string }) {
  let params: Record<string, string> | null;
  if (route === '/events/new') return <EventForm />;
  if ((params = matchRoute('/events/:id/edit', route))) return <EventForm id={params.id} />;
  if ((params = matchRoute('/events/:id', route))) return <EventPage id={params.id} />;
  if (route === '/events') return <EventList />;
  if (route === '/people/new') return <PersonForm />;
  if ((params = matchRoute('/people/:id', route))) return <PersonForm id={params.id} />;
  if (route === '/people') return <PeopleList />;
  if (route === '/settings') return <SettingsPage />;
  return <Dashboard />;
}

function isCurrent(navRoute: string, route: string): boolean {
  return navRoute === '/' ? route === '/' : route === navRoute || route.startsWith(`${navRoute}/`);
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const change = async (language: (typeof LANGUAGES)[number]) => {
    await i18n.changeLanguage(language);
    await mutate('settings:update', { language }).catch(() => undefined);
  };
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(e) => void change(e.target.value as (typeof LANGUAGES)[number])}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Warnings of a change that was saved (a likely duplicate) are announced through the live region. */
function WarningAnnouncer() {
  const { t } = useTranslation();
  const { announce } = useStatus();
  useEffect(
    () =>
      onWarnings((warnings) => {
        const message = warnings.map((w) => t(w.code, w.params)).join(' ');
        // After the screen's own "Saved.": the warning says it too, and must not be replaced by it.
        setTimeout(() => announce(message));
      }),
    [t, announce],
  );
  return null;
}

/** Links to other sites never navigate the app's page: main decides whether to open them outside. */
function useExternalLinks(announce: (url: string) => void) {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin === window.location.origin || url.protocol === 'file:') return;
      event.preventDefault();
      void call('app:openExternal', { url: link.href }).then(({ opened }) => {
        if (!opened) announce(link.href);
      });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [announce]);
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [notOpened, setNotOpened] = useState<string>();
  useExternalLinks(setNotOpened);
  useEffect(() => onAppEvent('app:navigate', navigate), []);
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <StatusProvider>
      <WarningAnnouncer />
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <div className="layout">
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">DD</span>
            <div>
              <strong>{t('app.name')}</strong>
              <small>{t('app.tagline')}</small>
            </div>
          </div>
          <nav aria-label={t('app.mainNavigation')}>
            <ul>
              {NAV.map((item) => (
                <li key={item.route}>
                  <a href={`#${item.route}`} aria-current={isCurrent(item.route, route) ? 'page' : undefined}>
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitcher />
        </aside>
        <main id="main" tabIndex={-1}>
          <DataBanner />
          {notOpened && (
            <div className="notice" role="status">
              <p dir="auto">{t('external.notOpened', { url: notOpened })}</p>
              <button type="button" onClick={() => setNotOpened(undefined)}>
                {t('common.dismiss')}
              </button>
            </div>
          )}
          <Screen route={route} />
        </main>
      </div>
    </StatusProvider>
  );
}
