// A contribution on the board (a card) or in the list (a row): its deadline's countdown, and the
// step that moves it on (the ITU document number asked for on the way to "published").
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionSummary } from '../../../main/api/contract';
import { daysBetween, todayIso } from '../../../main/domain/dates';
import { CONTRIBUTION_STATUSES, LIMITS, type ContributionStatus } from '../../../main/domain/enums';
import { ApiError } from '../../api';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { useStatus } from '../../components/Status';
import { useMutation } from '../../data';
import { formatCountdown, formatDate } from '../../format';
import i18next, { errorMessage, messageKey } from '../../i18n';

export function nextStatus(status: ContributionStatus): ContributionStatus | undefined {
  return CONTRIBUTION_STATUSES[CONTRIBUTION_STATUSES.indexOf(status) + 1];
}

/** What main refused, in words: a field's own message (a published one needs its number) first. */
export function refusal(error: unknown): string {
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  return issue ? i18next.t(messageKey(issue.code), issue.params) : errorMessage(error);
}

/** "Due 27 Oct 2025 (in 26 days)", the estimated badge, or that the event has no deadline yet. */
export function DeadlineLine({ deadline }: { deadline: ContributionSummary['deadline'] }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <p className="deadline-line muted small">{t('contributions.noDeadline')}</p>;
  // Today is read when drawn: the clock moves (and the tests move it).
  const days = daysBetween(todayIso(), deadline.date);
  return (
    <p className={`deadline-line small${days < 0 ? ' overdue-text' : ''}`}>
      {t('contributions.due', { date: formatDate(deadline.date, i18n.language), relative: formatCountdown(days, i18n.language) })}
      {deadline.estimated && <span className="badge estimated">{t('deadlines.estimatedBadge')}</span>}
    </p>
  );
}

/** The button to the next status; on the way to "published", with the ITU document number beside it. */
export function MoveOn({ contribution: c }: { contribution: ContributionSummary }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const id = useId();
  const [number, setNumber] = useState(c.documentNumber);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = nextStatus(c.status);
  if (!next) return null;
  const label = t('contributions.moveTo', { status: t(`contributions.status.${next}`) });

  const move = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await mutate('contributions:update', next === 'published' ? { id: c.id, status: next, documentNumber: number } : { id: c.id, status: next });
      announce(t('contributions.saved'));
    } catch (failure) {
      setError(refusal(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="move-on" onSubmit={(e) => void move(e)} noValidate>
      {next === 'published' && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-number`}>{t('contributions.field.documentNumber')}</label>
          <input
            id={`${id}-number`}
            type="text"
            dir="auto"
            autoComplete="off"
            maxLength={LIMITS.reference}
            value={number}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
      )}
      <button type="submit" disabled={busy} aria-label={`${label} — ${c.title}`}>
        {label}
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The title, as the button that opens the contribution's details. */
export function OpenTitle({ contribution: c, open, onOpen }: { contribution: ContributionSummary; open: boolean; onOpen(id: string): void }) {
  return (
    <button type="button" className="link-button contribution-title" aria-expanded={open} aria-controls="contribution-detail" data-opens={c.id} onClick={() => onOpen(c.id)}>
      <bdi>{c.title}</bdi>
    </button>
  );
}

export function ContributionCard({ contribution: c, open, onOpen }: { contribution: ContributionSummary; open: boolean; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <li className={`contribution-card${open ? ' is-open' : ''}`} data-testid="contribution-card">
      <h4>
        <OpenTitle contribution={c} open={open} onOpen={onOpen} />
      </h4>
      <dl className="card-facts small">
        <dt>{t('contributions.field.eventId')}</dt>
        <dd>
          <bdi>{c.eventAcronym || c.eventName}</bdi>
        </dd>
        <dt>{t('contributions.field.agendaItem')}</dt>
        <dd>{c.agendaItem ? <bdi>{c.agendaItem}</bdi> : <span className="muted">{t('contributions.noAgendaItem')}</span>}</dd>
        <dt>{t('contributions.field.type')}</dt>
        <dd>{t(`contributions.type.${c.type}`)}</dd>
        {c.documentNumber && (
          <>
            <dt>{t('contributions.field.documentNumber')}</dt>
            <dd>
              <bdi>{c.documentNumber}</bdi>
            </dd>
          </>
        )}
      </dl>
      <DeadlineLine deadline={c.deadline} />
      <MoveOn contribution={c} />
    </li>
  );
}

/** The status select of a row: saved once chosen; a refusal is said beside it. */
function StatusCell({ contribution: c }: { contribution: ContributionSummary }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const [error, setError] = useState<string>();
  return (
    <>
      <ChoiceSelect
        label={`${t('contributions.field.status')} — ${c.title}`}
        value={c.status}
        list={CONTRIBUTION_STATUSES}
        labelOf={(s) => t(`contributions.status.${s}`)}
        save={async (status) => {
          setError(undefined);
          try {
            await mutate('contributions:update', { id: c.id, status });
            announce(t('contributions.saved'));
          } catch (failure) {
            setError(refusal(failure));
            throw failure;
          }
        }}
      />
      {error && (
        <p className="field-error small" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function ContributionTable({ contributions, openId, onOpen }: { contributions: ContributionSummary[]; openId?: string; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="contributions-table" data-testid="contributions-table">
        <caption className="visually-hidden">{t('contributions.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contributions.field.title')}</th>
            <th scope="col">{t('contributions.field.eventId')}</th>
            <th scope="col">{t('contributions.field.agendaItem')}</th>
            <th scope="col">{t('contributions.field.type')}</th>
            <th scope="col">{t('contributions.field.status')}</th>
            <th scope="col">{t('contributions.field.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {contributions.map((c) => (
            <tr key={c.id} data-testid="contribution-row">
              <th scope="row">
                <OpenTitle contribution={c} open={openId === c.id} onOpen={onOpen} />
              </th>
              <td className="nowrap">
                <bdi>{c.eventAcronym || c.eventName}</bdi>
              </td>
              <td>{c.agendaItem ? <bdi>{c.agendaItem}</bdi> : <span className="muted">{t('common.none')}</span>}</td>
              <td>{t(`contributions.type.${c.type}`)}</td>
              <td>
                <StatusCell contribution={c} />
              </td>
              <td>
                <DeadlineLine deadline={c.deadline} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
