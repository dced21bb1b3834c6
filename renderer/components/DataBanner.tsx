// What the user must know about the data folder: the store's notices, a read-only state and the way out
// of it (reopen), and a missing data file's backup (restore). Errors and the read-only state stay until
// resolved; information and warnings can be dismissed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../main/api/contract';
import { ApiError } from '../api';
import { useMutation, useQuery } from '../data';
import { formatDateTime } from '../format';
import { useStatus } from './Status';
import { messageKey, type MessageKey } from '../i18n';

interface Item {
  key: string;
  code: string;
  params?: Record<string, string | number>;
  level: 'info' | 'warning' | 'error';
  /** The read-only state: with the reopen button when reopening may help. */
  access: boolean;
  /** The missing data file: with the restore button. */
  offer: boolean;
}

const MISSING = 'store.missingWithBackups';

/** File names and times stay one left-to-right run inside Arabic text (else "(delegation-desk-…" breaks apart). */
const ISOLATED = new Set(['movedTo', 'backup', 'file', 'since']);

function isolate(params: Record<string, string | number> = {}): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ISOLATED.has(k) ? `\u2068${v}\u2069` : v]));
}

/** One item per message: the read-only reason is not said twice when it is also a notice. */
function itemsOf({ notices, access, restoreOffer }: AppStatus): Item[] {
  const accessCode = access.writable ? undefined : (access.code ?? 'store.readOnly');
  const items: Item[] = notices.map((n) => ({
    key: `${n.code} ${JSON.stringify(n.params)}`,
    code: n.code,
    params: n.params,
    level: n.level,
    access: n.code === accessCode,
    offer: n.code === MISSING && Boolean(restoreOffer),
  }));
  if (accessCode && !items.some((i) => i.access)) {
    items.unshift({ key: 'access', code: accessCode, params: access.params, level: 'warning', access: true, offer: false });
  }
  if (restoreOffer && !items.some((i) => i.offer)) {
    items.unshift({ key: MISSING, code: MISSING, params: { backup: restoreOffer.name }, level: 'error', access: false, offer: true });
  }
  return items;
}

export function DataBanner() {
  const { t, i18n } = useTranslation();
  const status = useQuery('app:status');
  const mutate = useMutation();
  const { announce } = useStatus();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ key: string; text: string }>();
  const [busy, setBusy] = useState(false);

  if (!status.data) return null;
  const { access, restoreOffer } = status.data;
  const items = itemsOf(status.data).filter((i) => !dismissed.includes(i.key));
  if (items.length === 0) return null;

  const run = async (key: string, action: () => Promise<unknown>, done: MessageKey) => {
    setFailure(undefined);
    setBusy(true);
    try {
      await action();
      announce(t(done));
      // The banner goes with its button: keyboard focus goes back to the content.
      document.getElementById('main')?.focus();
    } catch (error) {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      setFailure({ key, text: t(messageKey(api.code), isolate(api.params)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="data-banner">
      {items.map((item) => {
        const dismissable = item.level !== 'error' && !item.access && !item.offer;
        const reopen = item.access && access.canReopen;
        return (
          <div key={item.key} className={`notice notice-${item.level}`} role={item.level === 'error' ? 'alert' : 'status'}>
            <div className="notice-body">
              <p>{t(messageKey(item.code), isolate(item.params))}</p>
              {failure?.key === item.key && (
                <p className="notice-failure" role="alert">
                  {failure.text}
                </p>
              )}
            </div>
            {(reopen || item.offer || dismissable) && (
              <div className="actions">
                {reopen && (
                  <button type="button" className="primary" disabled={busy} onClick={() => void run(item.key, () => mutate('app:reopen', undefined), 'store.reopened')}>
                    {t('store.reopen')}
                  </button>
                )}
                {item.offer && restoreOffer && (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => void run(item.key, () => mutate('app:restoreBackup', { name: restoreOffer.name }), 'store.restored')}
                  >
                    {t('store.restore', { date: formatDateTime(restoreOffer.createdAt, i18n.language) })}
                  </button>
                )}
                {dismissable && (
                  <button type="button" onClick={() => setDismissed((d) => [...d, item.key])}>
                    {t('common.dismiss')}
                  </button>
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
