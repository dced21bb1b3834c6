import { useTranslation } from 'react-i18next';
import type { Delegation } from '../../../main/api/contract';
import { AGE_BANDS, type Composition, type Share } from '../../../main/domain/balance';
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

/** Bars of the delegation's make-up: gender by role, then age bands on the first day. */
function CompositionChart({ composition }: { composition: Composition }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const widest = Math.max(1, ...composition.byRole.map((r) => r.female + r.male + r.other + r.unspecified), ...Object.values(composition.byAge));
  const bar = (parts: [string, number][]) => (
    <span className="bar" aria-hidden="true">
      {parts.filter(([, value]) => value > 0).map(([kind, value]) => (
        <span key={kind} className={`bar-part bar-${kind}`} style={{ inlineSize: `${(100 * value) / widest}%` }} />
      ))}
    </span>
  );
  return (
    <div className="composition">
      <h3>{t('balance.byRole')}</h3>
      <ul className="plain-list chart">
        {composition.byRole.map((r) => (
          <li key={r.role}>
            <span className="chart-label">{t(`delegation.role.${r.role}`)}</span>
            {bar([['female', r.female], ['male', r.male], ['other', r.other], ['unknown', r.unspecified]])}
            <span className="chart-value">{t('balance.roleCounts', { women: n(r.female), men: n(r.male), other: n(r.other + r.unspecified) })}</span>
          </li>
        ))}
      </ul>
      <p className="legend small">
        <span className="key bar-female" /> {t('people.gender.female')} <span className="key bar-male" /> {t('people.gender.male')}{' '}
        <span className="key bar-unknown" /> {t('balance.otherOrUnknown')}
      </p>
      <h3>{t('balance.byAge')}</h3>
      <ul className="plain-list chart">
        {AGE_BANDS.map((band) => (
          <li key={band}>
            <span className="chart-label">{t(`balance.age.${band}`)}</span>
            {bar([[band === 'unknown' ? 'unknown' : 'age', composition.byAge[band]]])}
            <span className="chart-value">{n(composition.byAge[band])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BalancePanel({ delegation, cancelled }: { delegation: Delegation; cancelled: number }) {
  const { t, i18n } = useTranslation();
  const { balance, benchmark, trend, composition } = delegation;
  const eventStart = delegation.event.startDate;
  const percent = (share: number | null) => (share === null ? t('common.none') : formatPercent(share, i18n.language));
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
      {benchmark && (
        <p className="muted small" data-testid="balance-benchmark">
          {t('balance.benchmark', { edition: benchmark.edition, share: formatPercent(benchmark.share, i18n.language) })}
        </p>
      )}
      {cancelled > 0 && (
        <p className="muted small">{t('balance.cancelledLeftOut', { count: cancelled, shown: formatNumber(cancelled, i18n.language) })}</p>
      )}
      {balance.total > 0 && (
        <details className="balance-more">
          <summary>{t('balance.more')}</summary>
          <CompositionChart composition={composition} />
          {trend.length > 1 && (
            <>
              <h3>{t('balance.trend')}</h3>
              <ul className="plain-list chart" data-testid="balance-trend">
                {trend.map((point) => (
                  <li key={point.eventId}>
                    <span className="chart-label">
                      <bdi>{point.label}</bdi>
                    </span>
                    <span className="bar" aria-hidden="true">
                      <span className="bar-part bar-female" style={{ inlineSize: `${100 * (point.womenShare ?? 0)}%` }} />
                    </span>
                    <span className="chart-value">{percent(point.womenShare)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
    </section>
  );
}
