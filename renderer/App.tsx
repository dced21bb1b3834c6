import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MENU_ROUTES } from '../main/api/push';
import { LANGUAGES, type Language } from '../main/domain/enums';
import { call, onPush, onWarnings } from './api';
import { DataBanner } from './components/DataBanner';
import { useAnnounceError } from './components/forms';
import { StatusProvider, useStatus } from './components/Status';
import { LetterImportProvider } from './features/letters/import-queue';
import { useMutation } from './data';
import { messageKey } from './i18n';

const NAV = [
  { to: '/', key: 'nav.dashboard' },
  { to: '/events', key: 'nav.events' },
  { to: '/people', key: 'nav.people' },
  { to: '/letters', key: 'nav.letters' },
  { to: '/deadlines', key: 'nav.deadlines' },
  { to: '/contributions', key: 'nav.contributions' },
  { to: '/settings', key: 'nav.settings' },
] as const;

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const announceError = useAnnounceError();
  // The language changes at once; if it cannot be saved (a read-only folder), the user is told.
  const change = async (language: Language) => {
    await i18n.changeLanguage(language);
    await mutate('settings:update', { language }).catch(announceError);
  };
  return (
    <label className="language">
      <span>{t('language.label')}</span>
      <select value={i18n.language} onChange={(e) => void change(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Warnings of a change that was saved (a likely duplicate, a second head) are said with its confirmation. */
function WarningAnnouncer() {
  const { t } = useTranslation();
  const { announce } = useStatus();
  useEffect(() => onWarnings((warnings) => announce(warnings.map((w) => t(messageKey(w.code), w.params)).join(' '), 'warning')), [t, announce]);
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

/** The desktop menu asks for a screen by its route; only the menu's known routes are followed. */
function useMenuNavigation() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onPush('app:navigate', (route) => {
        if ((MENU_ROUTES as readonly string[]).includes(route)) void navigate({ to: route });
      }),
    [navigate],
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [notOpened, setNotOpened] = useState<string>();
  useExternalLinks(setNotOpened);
  useMenuNavigation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <StatusProvider>
      <LetterImportProvider>
        <WarningAnnouncer />
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <div className="layout">
          <aside className="sidebar">
            <div className="brand">
              <span className="brand-mark" aria-hidden="true">
                DD
              </span>
              <div>
                <strong>{t('app.name')}</strong>
                <small>{t('app.tagline')}</small>
              </div>
            </div>
            <nav aria-label={t('app.mainNavigation')}>
              <ul>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} activeOptions={{ exact: item.to === '/' }} activeProps={{ 'aria-current': 'page' }}>
                      {t(item.key)}
                    </Link>
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
            <Outlet />
          </main>
        </div>
      </LetterImportProvider>
    </StatusProvider>
  );
}
