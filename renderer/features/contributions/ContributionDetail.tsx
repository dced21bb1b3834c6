// One contribution opened: every field editable (its co-signing countries and authors as chips),
// saved or deleted, and the dated steps it went through.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../main/api/contract';
import { todayIso } from '../../../main/domain/dates';
import { patchSchema } from '../../../main/domain/fields';
import { contributionFields, type Contribution } from '../../../main/domain/model';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { collator, countriesByName, countryName, formatDate, personName, sortedName } from '../../format';
import { errorMessage, messageKey } from '../../i18n';
import { ContributionFiles } from './ContributionFiles';
import { AgendaItemField, eventLabel, languageOptions, typeOptions } from './ContributionForm';

const { title, agendaItem, type, language, documentNumber, notes } = contributionFields;
const editInput = patchSchema({ title, agendaItem, type, language, documentNumber, notes });
const FIELDS = ['title', 'agendaItem', 'type', 'language', 'documentNumber', 'notes'] as const;
type Values = FormValues<(typeof FIELDS)[number]>;

interface Chip {
  value: string;
  name: string;
}

/** Chosen values as removable chips, and a select (with its Add button) for one more. */
function ChipList({ legend, addLabel, chips, options, onChange }: { legend: string; addLabel: string; chips: Chip[]; options: Chip[]; onChange(values: string[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [pick, setPick] = useState('');
  const values = chips.map((c) => c.value);
  const left = options.filter((o) => !values.includes(o.value));
  return (
    <fieldset className="chips-field">
      <legend>{legend}</legend>
      {chips.length > 0 ? (
        <ul className="chips">
          {chips.map((chip) => (
            <li key={chip.value} className="chip">
              <bdi>{chip.name}</bdi>
              <button type="button" className="chip-remove" aria-label={t('contributions.remove', { name: chip.name })} onClick={() => onChange(values.filter((v) => v !== chip.value))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('common.none')}</p>
      )}
      <div className="add-chip">
        <label htmlFor={id}>{addLabel}</label>
        <select id={id} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t('form.chooseOne')}</option>
          {left.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-label={addLabel}
          disabled={!pick}
          onClick={() => {
            onChange([...values, pick]);
            setPick('');
          }}
        >
          {t('common.add')}
        </button>
      </div>
    </fieldset>
  );
}

export function ContributionDetail({ id, events, onClose }: { id: string; events: readonly EventSummary[]; onClose(deleted: boolean): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const found = useQuery('contributions:get', { id });
  const people = useQuery('people:list');
  const c = found.data;
  const api = useApiForm<Values, typeof editInput>(editInput, asFormValues(FIELDS, c));
  const { form } = api;
  // The chips changed and not saved yet (undefined: as saved).
  const [coSigners, setCoSigners] = useState<Contribution['coSigners']>();
  const [authors, setAuthors] = useState<string[]>();
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus goes to the panel's heading once it is drawn (the record may come a moment later).
  const loaded = Boolean(c);
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [id, loaded]);
  // What changed elsewhere (moved on the board) shows here; what the user is typing stays.
  useEffect(() => {
    if (c) form.reset(asFormValues(FIELDS, c), { keepDirtyValues: true });
  }, [c, form]);

  const countries = useMemo(() => countriesByName(language).map((x) => ({ value: x.code, name: x.name })), [language]);
  const personOptions = useMemo(() => {
    const names = collator(language);
    const separator = t('common.listSeparator');
    return (people.data ?? [])
      .map((p) => ({ value: p.id, name: sortedName(p, language, separator), sortKey: `${p.familyName} ${p.givenName}` }))
      .sort((a, b) => names.compare(a.sortKey, b.sortKey));
  }, [people.data, language, t]);

  if (found.error) {
    return (
      <p role="alert" className="form-error">
        {t(messageKey(found.error.code))}
      </p>
    );
  }
  if (!c) return <p>{t('app.loading')}</p>;

  const event = events.find((e) => e.id === c.eventId);
  const shownCoSigners = coSigners ?? c.coSigners;
  const shownAuthors = authors ?? c.authors;
  const nameOf = (personId: string) => {
    const person = people.data?.find((p) => p.id === personId);
    return person ? personName(person) : t('common.none');
  };

  const submit = form.handleSubmit(async (values) => {
    api.clearError();
    const saved = form.formState.defaultValues ?? {};
    // Only what the user changed: a step taken on the board meanwhile is not undone.
    const patch = Object.fromEntries(FIELDS.filter((key) => values[key] !== saved[key]).map((key) => [key, values[key]]));
    try {
      await mutate('contributions:update', {
        id: c.id,
        ...patch,
        ...(coSigners ? { coSigners } : {}),
        ...(authors ? { authors } : {}),
      });
      form.reset(form.getValues());
      setCoSigners(undefined);
      setAuthors(undefined);
      announce(t('contributions.saved'));
    } catch (error) {
      api.showError(error);
    }
  });

  const remove = async () => {
    if (!(await confirm(t('contributions.deleteConfirm'), t('common.delete')))) return;
    try {
      await mutate('contributions:delete', { id: c.id });
      announce(t('contributions.deleted'));
      onClose(true);
    } catch (error) {
      announce(errorMessage(error), 'warning');
    }
  };

  return (
    <section id="contribution-detail" className="card contribution-detail" aria-labelledby="contribution-detail-title" data-testid="contribution-detail">
      <div className="page-head">
        <h2 id="contribution-detail-title" ref={heading} tabIndex={-1}>
          <bdi>{c.title}</bdi>
        </h2>
        <button type="button" onClick={() => onClose(false)}>
          {t('common.close')}
        </button>
      </div>
      <dl className="card-facts">
        <dt>{t('contributions.field.eventId')}</dt>
        <dd>
          <bdi>{event ? eventLabel(event) : ''}</bdi>
        </dd>
        <dt>{t('contributions.field.status')}</dt>
        <dd>{t(`contributions.status.${c.status}`)}</dd>
      </dl>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {api.formError && (
          <p className="form-error" role="alert">
            {api.formError}
          </p>
        )}
        <div className="grid">
          <TextField form={form} name="title" label={t('contributions.field.title')} required maxLength={title.maxLength} />
          <AgendaItemField form={form} name="agendaItem" agenda={event?.agenda} />
          <SelectField form={form} name="type" label={t('contributions.field.type')} options={typeOptions(t)} />
          <SelectField form={form} name="language" label={t('contributions.field.language')} placeholder={t('common.notRecorded')} options={languageOptions(t)} />
          <TextField form={form} name="documentNumber" label={t('contributions.field.documentNumber')} maxLength={documentNumber.maxLength} />
        </div>
        <div className="chips-fields">
          <ChipList
            legend={t('contributions.field.coSigners')}
            addLabel={t('contributions.addCoSigner')}
            chips={shownCoSigners.map((code) => ({ value: code, name: countryName(code, language) }))}
            options={countries}
            onChange={(codes) => setCoSigners(codes as Contribution['coSigners'])}
          />
          <ChipList
            legend={t('contributions.field.authors')}
            addLabel={t('contributions.addAuthor')}
            chips={shownAuthors.map((personId) => ({ value: personId, name: nameOf(personId) }))}
            options={personOptions}
            onChange={setAuthors}
          />
        </div>
        <TextField form={form} name="notes" label={t('contributions.field.notes')} multiline maxLength={notes.maxLength} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
          <button type="button" className="danger push-end" onClick={() => void remove()}>
            {t('common.delete')}
          </button>
        </div>
      </form>
      <ContributionFiles contribution={c} />
      <h3>{t('contributions.history')}</h3>
      <ol className="history" data-testid="contribution-history">
        {c.history.map((step, i) => (
          <li key={`${step.at}-${i}`}>
            {t('contributions.historyStep', { status: t(`contributions.status.${step.status}`), date: formatDate(todayIso(new Date(step.at)), language) })}
          </li>
        ))}
      </ol>
    </section>
  );
}
