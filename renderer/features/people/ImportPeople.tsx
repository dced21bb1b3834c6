// A ministry's spreadsheet in: pick the file, confirm what each column is, see every row and its
// problems before anything is written, then import the good rows (into an event's delegation if chosen).
import { getRouteApi, Link } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeopleImportResult, PeoplePreview, PreviewRow } from '../../../main/api/contract';
import { LIMITS } from '../../../main/domain/enums';
import { PARTICIPATION_FIELDS, TARGET_FIELDS, type TargetField } from '../../../main/domain/sheet-fields';
import { toBase64 } from '../../../main/domain/base64';
import { ApiError } from '../../api';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useStatus } from '../../components/Status';
import { VirtualTable } from '../../components/VirtualTable';
import { useMutation, useQuery } from '../../data';
import { formatNumber } from '../../format';
import { messageKey } from '../../i18n';

const route = getRouteApi('/people/import');

export interface ImportFilters {
  eventId?: string;
}

/** A field's label: the person's form's, or the delegation's. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: TargetField): string =>
    field === 'visaNeeded' ? t('delegation.field.visa')
      : (PARTICIPATION_FIELDS as readonly string[]).includes(field) ? t(`delegation.field.${field as 'role'}`)
      : t(`people.field.${field as 'givenName'}`);
}

function usePreviewColumns(): ColumnDef<PreviewRow>[] {
  const { t, i18n } = useTranslation();
  const label = useFieldLabel();
  return useMemo<ColumnDef<PreviewRow>[]>(() => [
    { id: 'line', meta: { width: '8%', className: 'number' }, header: t('peopleImport.line'), cell: ({ row: { original: r } }) => formatNumber(r.line, i18n.language) },
    {
      id: 'name',
      meta: { width: '30%' },
      header: t('people.field.name'),
      cell: ({ row: { original: r } }) => <bdi>{[r.values.givenName, r.values.familyName].filter(Boolean).join(' ')}</bdi>,
    },
    {
      id: 'role',
      meta: { width: '18%' },
      header: t('delegation.field.role'),
      cell: ({ row: { original: r } }) => (r.values.role ? t(`delegation.role.${r.values.role as 'head'}`) : ''),
    },
    {
      id: 'status',
      meta: { width: '44%' },
      header: t('peopleImport.status'),
      cell: ({ row: { original: r } }) =>
        r.issues.length > 0 ? (
          <ul className="plain-list issues">
            {r.issues.map((issue, i) => (
              <li key={i} className="field-error">
                {issue.field && <span className="strong">{label(issue.field)}: </span>}
                {t(messageKey(issue.code), { max: '', value: '', ...issue.params })}
              </li>
            ))}
          </ul>
        ) : r.duplicateOf ? (
          <span className="warning-text">{t('peopleImport.alreadyRecorded', { name: r.duplicateOf.name })}</span>
        ) : (
          <span className="ok-text">{t('peopleImport.ready')}</span>
        ),
    },
  ], [t, i18n.language, label]);
}

export function ImportPeople() {
  const { t, i18n } = useTranslation();
  const filters = route.useSearch();
  const mutate = useMutation();
  const { announce } = useStatus();
  const events = useQuery('events:list');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; content: string }>();
  const [preview, setPreview] = useState<PeoplePreview>();
  const [mapping, setMapping] = useState<(TargetField | null)[]>([]);
  const [eventId, setEventId] = useState(filters.eventId ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PeopleImportResult>();
  const eventSelect = useId();
  const label = useFieldLabel();
  const n = (value: number) => formatNumber(value, i18n.language);

  const load = async (next: { fileName: string; content: string }, columns?: (TargetField | null)[]) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const read = await mutate('people:importPreview', { ...next, mapping: columns });
      setFile(next);
      setPreview(read);
      setMapping(read.mapping);
    } catch (e) {
      const api = e instanceof ApiError ? e : new ApiError('errors.unexpected');
      setError(t(messageKey(api.code), { max: '', found: '', line: '', ...api.params }));
      setPreview(undefined);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    if (picked.size > LIMITS.letterBytes) return setError(t('peopleImport.tooLarge', { max: LIMITS.letterBytes / 2 ** 20 }));
    await load({ fileName: picked.name.slice(0, LIMITS.fileName), content: toBase64(new Uint8Array(await picked.arrayBuffer())) });
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const done = await mutate('people:import', { ...file, mapping, eventId: eventId || undefined });
      setResult(done);
      announce(t('peopleImport.done', { created: n(done.created), linked: n(done.linked), added: n(done.addedToEvent), rejected: n(done.rejected.length) }));
    } catch (e) {
      const api = e instanceof ApiError ? e : new ApiError('errors.unexpected');
      setError(t(messageKey(api.code), api.params));
    } finally {
      setBusy(false);
    }
  };

  const rows = preview?.rows ?? [];
  const good = rows.filter((r) => r.issues.length === 0).length;
  const table = useReactTable({ data: rows, columns: usePreviewColumns(), getCoreRowModel: getCoreRowModel(), getRowId: (r) => String(r.line) });
  const unmapped = mapping.filter((m) => m === null).length;

  return (
    <section aria-labelledby="import-people-title" className="import-people">
      <ScreenTitle id="import-people-title">{t('peopleImport.title')}</ScreenTitle>
      <p className="muted">{t('peopleImport.intro')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => input.current?.click()} disabled={busy}>
          {t('peopleImport.pick')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('peopleImport.pick')}
          onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {file && <bdi className="file-name">{file.fileName}</bdi>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && !result && (
        <>
          <fieldset className="mapping">
            <legend>{t('peopleImport.mapping')}</legend>
            {unmapped > 0 && <p className="warning-text">{t('peopleImport.unmapped', { shown: n(unmapped) })}</p>}
            <div className="grid">
              {preview.headers.map((header, i) => (
                <label key={i} className="filter">
                  <span>
                    <bdi>{header || `#${i + 1}`}</bdi>
                  </span>
                  <select
                    value={mapping[i] ?? ''}
                    className={mapping[i] ? undefined : 'unmapped'}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = (e.target.value || null) as TargetField | null;
                      void load(file!, next);
                    }}
                  >
                    <option value="">{t('peopleImport.notImported')}</option>
                    {TARGET_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {label(field)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="filter" htmlFor={eventSelect}>
            <span>{t('peopleImport.event')}</span>
          </label>
          <select id={eventSelect} value={eventId} onChange={(e) => setEventId(e.target.value)}>
            <option value="">{t('peopleImport.noEvent')}</option>
            {(events.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.acronym || e.name}
              </option>
            ))}
          </select>
          <p className="count" aria-live="polite">
            {t('peopleImport.summary', { rows: n(rows.length), good: n(good), bad: n(rows.length - good) })}
          </p>
          <VirtualTable table={table} label={t('peopleImport.preview')} rowHeight={48} testId="import-preview" />
          <div className="actions">
            <button type="button" className="button primary" disabled={busy || good === 0} onClick={() => void run()}>
              {t('peopleImport.importGood', { shown: n(good) })}
            </button>
          </div>
        </>
      )}
      {result && (
        <div className="card" role="status">
          <p>{t('peopleImport.done', { created: n(result.created), linked: n(result.linked), added: n(result.addedToEvent), rejected: n(result.rejected.length) })}</p>
          {eventId ? (
            <Link to="/events/$eventId" params={{ eventId }}>
              {t('peopleImport.toEvent')}
            </Link>
          ) : (
            <Link to="/people">{t('peopleImport.toPeople')}</Link>
          )}
        </div>
      )}
    </section>
  );
}
