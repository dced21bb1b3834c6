// A ministry's spreadsheet in: pick the file, confirm what each column is, see every row and its
// problems before anything is written, then import the good rows (into an event's delegation if chosen).
import { getRouteApi, Link } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, PeopleImportResult, PeoplePreview, PreviewRow } from '../../../main/api/contract';
import { asLanguage, LANGUAGES, LIMITS, type Language } from '../../../main/domain/enums';
import { PARTICIPATION_FIELDS, TARGET_FIELDS, type TargetField } from '../../../main/domain/sheet-fields';
import { toBase64 } from '../../../main/domain/base64';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useReceiveFile } from '../../components/save-file';
import { useStatus } from '../../components/Status';
import { VirtualTable } from '../../components/VirtualTable';
import { useMutation, useQuery } from '../../data';
import { formatNumber } from '../../format';
import { errorMessage, messageKey } from '../../i18n';

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

function usePreviewColumns(correct: (row: PreviewRow) => void): ColumnDef<PreviewRow>[] {
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
          <div className="row-issues">
            <ul className="plain-list issues">
              {r.issues.map((issue, i) => (
                <li key={i} className="field-error">
                  {issue.field && <span className="strong">{label(issue.field)}: </span>}
                  {t(messageKey(issue.code), { max: '', value: '', ...issue.params })}
                </li>
              ))}
            </ul>
            {r.issues.some((issue) => issue.field) && (
              <button type="button" className="small" onClick={() => correct(r)} aria-label={t('peopleImport.correctLine', { line: formatNumber(r.line, i18n.language) })}>
                {t('peopleImport.correct')}
              </button>
            )}
          </div>
        ) : r.duplicateOf ? (
          <span className="warning-text">{t('peopleImport.alreadyRecorded', { name: r.duplicateOf.name })}</span>
        ) : (
          <span className="ok-text">{t('peopleImport.ready')}</span>
        ),
    },
  ], [t, i18n.language, label, correct]);
}

type Edit = NonNullable<Input<'people:import'>['edits']>[number];

/** The fields of one row that have a problem, each with what the file says, to be written again. */
function RowCorrection({ row, edits, onApply, onCancel }: { row: PreviewRow; edits: Edit[]; onApply: (edits: Edit[]) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const label = useFieldLabel();
  const fields = [...new Set(row.issues.flatMap((issue) => (issue.field ? [issue.field] : [])))];
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((field) => [field, edits.find((e) => e.line === row.line && e.field === field)?.value ?? row.cells[field] ?? ''])));
  const heading = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="card row-correction"
      aria-labelledby={heading}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(fields.map((field) => ({ line: row.line, field, value: values[field] })));
      }}
    >
      <h3 id={heading}>
        {t('peopleImport.correctTitle', { line: formatNumber(row.line, i18n.language) })}{' '}
        <bdi>{[row.values.givenName, row.values.familyName].filter(Boolean).join(' ')}</bdi>
      </h3>
      {fields.map((field, i) => (
        <label key={field} className="field">
          <span>{label(field)}</span>
          <input
            ref={i === 0 ? first : undefined}
            value={values[field]}
            dir="auto"
            maxLength={LIMITS.notes}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit" className="button primary">
          {t('peopleImport.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** An empty sheet headed in the language chosen, to fill in and read back. */
function TemplateDownload() {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const receive = useReceiveFile();
  const [language, setLanguage] = useState<Language>(asLanguage(i18n.language) ?? 'en');
  const [error, setError] = useState<string>();
  const select = useId();
  return (
    <div className="template-download">
      <p className="muted small">{t('peopleTemplate.hint')}</p>
      <div className="actions">
        <label htmlFor={select}>{t('peopleTemplate.language')}</label>
        <select id={select} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            setError(undefined);
            mutate('people:template', { language, format: 'xlsx' }).then(receive, (e: unknown) => setError(errorMessage(e)));
          }}
        >
          {t('peopleTemplate.download')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
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
  const [edits, setEdits] = useState<Edit[]>([]);
  const [correcting, setCorrecting] = useState<PreviewRow>();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [eventId, setEventId] = useState(filters.eventId ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PeopleImportResult>();
  const eventSelect = useId();
  const label = useFieldLabel();
  const n = (value: number) => formatNumber(value, i18n.language);

  const load = async (next: { fileName: string; content: string }, columns?: (TargetField | null)[], corrected: Edit[] = []) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const read = await mutate('people:importPreview', { ...next, mapping: columns, edits: corrected });
      setFile(next);
      setPreview(read);
      setMapping(read.mapping);
      setEdits(corrected);
      setCorrecting(undefined);
    } catch (e) {
      setError(errorMessage(e));
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
      const done = await mutate('people:import', { ...file, mapping, edits, eventId: eventId || undefined });
      setResult(done);
      announce(t('peopleImport.done', { created: n(done.created), linked: n(done.linked), added: n(done.addedToEvent), rejected: n(done.rejected.length) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = useMemo(() => preview?.rows ?? [], [preview]);
  const good = rows.filter((r) => r.issues.length === 0).length;
  const shownRows = useMemo(() => (onlyProblems ? rows.filter((r) => r.issues.length > 0) : rows), [rows, onlyProblems]);
  const correct = useCallback((row: PreviewRow) => setCorrecting(row), []);
  const table = useReactTable({ data: shownRows, columns: usePreviewColumns(correct), getCoreRowModel: getCoreRowModel(), getRowId: (r) => String(r.line) });
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
      {!preview && <TemplateDownload />}
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
                      void load(file!, next, edits);
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
          {rows.length > good && (
            <label className="checkbox">
              <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
              {t('peopleImport.onlyProblems')}
            </label>
          )}
          {edits.length > 0 && <p className="muted small">{t('peopleImport.corrected', { shown: n(edits.length) })}</p>}
          {correcting && (
            <RowCorrection
              key={correcting.line}
              row={correcting}
              edits={edits}
              onCancel={() => setCorrecting(undefined)}
              onApply={(fixed) => void load(file!, mapping, [...edits.filter((e) => !fixed.some((f) => f.line === e.line && f.field === e.field)), ...fixed])}
            />
          )}
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
