// The letters received: read new ones in, and follow up each one's reply (status, date, original).
import { Link } from '@tanstack/react-router';
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationSummary } from '../../../main/api/contract';
import { REPLY_STATUSES } from '../../../main/domain/enums';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { useAnnounceError } from '../../components/forms';
import { ScreenTitle } from '../../components/ScreenTitle';
import { VirtualTable } from '../../components/VirtualTable';
import { useMutation, useQuery } from '../../data';
import { formatDate } from '../../format';
import { messageKey } from '../../i18n';
import { ImportPanel } from './ImportPanel';
import { useOpenOriginal } from './open-original';

function useLetterColumns(): ColumnDef<InvitationSummary>[] {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const announceError = useAnnounceError();
  const openOriginal = useOpenOriginal();
  const language = i18n.language;
  return useMemo<ColumnDef<InvitationSummary>[]>(() => [
    {
      id: 'reference',
      meta: { width: '30%' },
      header: t('letters.field.reference'),
      accessorFn: (l) => l.reference || l.fileName,
      cell: ({ row: { original: l } }) => (
        <>
          <bdi className="strong">{l.reference || l.fileName}</bdi>
          {l.subject && (
            <span className="muted block">
              <bdi>{l.subject}</bdi>
            </span>
          )}
        </>
      ),
    },
    {
      id: 'letterDate',
      meta: { width: '12%' },
      header: t('letters.field.letterDate'),
      accessorFn: (l) => l.letterDate ?? '',
      cell: ({ row: { original: l } }) => (l.letterDate ? formatDate(l.letterDate, language) : t('common.none')),
    },
    {
      id: 'event',
      meta: { width: '18%' },
      header: t('letters.field.event'),
      accessorFn: (l) => l.eventAcronym || l.eventName,
      cell: ({ row: { original: l } }) =>
        l.eventId ? (
          <Link to="/events/$eventId" params={{ eventId: l.eventId }}>
            <bdi>{l.eventAcronym || l.eventName}</bdi>
          </Link>
        ) : (
          <span className="muted">{t('letters.noEvent')}</span>
        ),
    },
    {
      id: 'replyStatus',
      meta: { width: '14%' },
      header: t('letters.field.replyStatus'),
      accessorFn: (l) => REPLY_STATUSES.indexOf(l.replyStatus),
      cell: ({ row: { original: l } }) => (
        <ChoiceSelect
          label={`${t('letters.field.replyStatus')}: ${l.reference || l.fileName}`}
          value={l.replyStatus}
          list={REPLY_STATUSES}
          labelOf={(s) => t(`letters.replyStatus.${s}`)}
          save={(replyStatus) => mutate('invitations:update', { id: l.id, replyStatus }).catch((error: unknown) => {
            announceError(error);
            throw error;
          })}
        />
      ),
    },
    {
      id: 'replyBy',
      meta: { width: '12%' },
      header: t('letters.field.replyBy'),
      accessorFn: (l) => l.replyBy ?? '9999',
      cell: ({ row: { original: l } }) => (l.replyBy ? formatDate(l.replyBy, language) : t('common.none')),
    },
    {
      id: 'open',
      meta: { width: '14%' },
      header: t('letters.field.original'),
      enableSorting: false,
      cell: ({ row: { original: l } }) =>
        l.attachment ? (
          <button type="button" className="link-button" onClick={() => void openOriginal(l.id)}>
            {t('letters.openOriginal')}
            <span className="visually-hidden"> {l.reference || l.fileName}</span>
          </button>
        ) : null,
    },
  ], [t, language, mutate, announceError, openOriginal]);
}

export function LettersPage() {
  const { t } = useTranslation();
  const letters = useQuery('invitations:list', {});
  const table = useReactTable({
    data: letters.data ?? [],
    columns: useLetterColumns(),
    initialState: { sorting: [{ id: 'replyBy', desc: false }] },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (l) => l.id,
  });
  const count = letters.data?.length ?? 0;
  return (
    <section aria-labelledby="letters-title">
      <ScreenTitle id="letters-title">{t('letters.title')}</ScreenTitle>
      <p className="muted">{t('letters.intro')}</p>
      <ImportPanel />
      {letters.error && (
        <p role="alert" className="form-error">
          {t(messageKey(letters.error.code))}
        </p>
      )}
      {letters.data && count === 0 && <p className="empty">{t('letters.noneYet')}</p>}
      {count > 0 && (
        <VirtualTable table={table} label={t('letters.title')} rowHeight={64} testId="letters-table" />
      )}
    </section>
  );
}
