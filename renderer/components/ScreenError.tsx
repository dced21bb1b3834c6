// When a screen fails to draw (a bug, data it did not expect), only that screen is replaced by a
// message: the menu, the language and the other screens keep working.
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { messageKey } from '../i18n';
import { ScreenTitle } from './ScreenTitle';

export function ScreenError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const code = error instanceof ApiError ? error.code : 'errors.screenFailed';
  return (
    <section className="screen-error" aria-labelledby="screen-error-title">
      <ScreenTitle id="screen-error-title">{t('errors.screenTitle')}</ScreenTitle>
      <p role="alert">{t(messageKey(code))}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('common.tryAgain')}
        </button>
        <a className="button" href="#/">
          {t('nav.dashboard')}
        </a>
      </div>
    </section>
  );
}
