import { useTranslation } from 'react-i18next';
import type { Balance, Share } from '../../../main/domain/balance';
import { formatDate, formatNumber, formatPercent } from '../../format';

function ShareRow({ label, share, unknownKey, testId }: { label: string; share: Share; unknownKey: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <div className="share" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {share.share === null ? (
          <span className="muted">{t('balance.noData')}</span>
        ) : (
          <>
            <strong className="share-value">{formatPercent(share.share, i18n.language)}</strong>{' '}
            <span className="muted">{t('balance.ofKnown', { count: n(share.count) as unknown as number, known: n(share.known) })}</span>
            <meter min={0} max={1} value={share.share} aria-hidden="true" />
          </>
        )}
        {share.unknown > 0 && <small className="share-unknown">{t(unknownKey, { count: share.unknown })}</small>}
      </dd>
    </div>
  );
}

export function BalancePanel({ balance, eventStart }: { balance: Balance; eventStart: string }) {
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
      <p className="muted small">{t('balance.target')}</p>
    </section>
  );
}
