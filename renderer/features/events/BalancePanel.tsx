import { useTranslation } from 'react-i18next';
import type { Balance, Share } from '../../../main/domain/balance';
import { formatDate, formatNumber, formatPercent } from '../../format';

/** Below the target, on it, or no target: the meter's colour and the words beside it say the same. */
function standing(share: Share): 'below' | 'reached' | 'none' {
  if (share.target === undefined || share.share === null) return 'none';
  return (share.gap ?? 0) > 0 ? 'below' : 'reached';
}

function ShareRow({ label, share, unknownKey, testId }: { label: string; share: Share; unknownKey: 'balance.unknownGender' | 'balance.unknownAge'; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const state = standing(share);
  const target = share.target === undefined ? '' : formatPercent(share.target, i18n.language);
  return (
    <div className={`share share-${state}`} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {share.share === null ? (
          <span className="muted">{t('balance.noData')}</span>
        ) : (
          <>
            <span>
              <strong className="share-value">{formatPercent(share.share, i18n.language)}</strong>{' '}
              <span className="muted">{t('balance.ofKnown', { count: share.count, shown: n(share.count), known: n(share.known) })}</span>
            </span>
            <meter
              min={0}
              max={1}
              value={share.share}
              low={share.target}
              optimum={share.target === undefined ? undefined : 1}
              aria-hidden="true"
            />
            {state === 'below' && (
              <small className="share-gap">{t('balance.gap', { count: share.gap, shown: n(share.gap ?? 0), target })}</small>
            )}
            {state === 'reached' && <small className="share-reached">{t('balance.reached', { target })}</small>}
          </>
        )}
        {share.unknown > 0 && <small className="share-unknown">{t(unknownKey, { count: share.unknown, shown: n(share.unknown) })}</small>}
      </dd>
    </div>
  );
}

export function BalancePanel({ balance, eventStart, cancelled }: { balance: Balance; eventStart: string; cancelled: number }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card balance" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('balance.title')}</h2>
      <dl>
        <ShareRow testId="balance-women" label={t('balance.women')} share={balance.women} unknownKey="balance.unknownGender" />
        <ShareRow
          testId="balance-women-leadership"
          label={t('balance.womenInLeadership')}
          share={balance.womenInLeadership}
          unknownKey="balance.unknownGender"
        />
        <ShareRow
          testId="balance-youth"
          label={t('balance.youth', { maxAge: formatNumber(balance.youth.maxAge, i18n.language), date: formatDate(eventStart, i18n.language) })}
          share={balance.youth}
          unknownKey="balance.unknownAge"
        />
      </dl>
      <p className="muted small">{t('balance.target', { target: formatPercent(balance.women.target ?? 0, i18n.language) })}</p>
      {cancelled > 0 && (
        <p className="muted small">{t('balance.cancelledLeftOut', { count: cancelled, shown: formatNumber(cancelled, i18n.language) })}</p>
      )}
    </section>
  );
}
