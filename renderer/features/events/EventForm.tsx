import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../main/api/contract';
import { EVENT_KINDS, EVENT_STATUSES, MODALITIES } from '../../../main/domain/enums';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useFormErrors } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName } from '../../format';
import { navigate } from '../../router';

const FIELDS = [
  'name', 'acronym', 'kind', 'organiser', 'city', 'country', 'startDate', 'endDate', 'modality', 'website', 'status', 'notes',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const DEFAULTS = { kind: 'conference', organiser: 'ITU', modality: 'inPerson', status: 'invited' };

/** New event (no id) or edit an existing one. */
export function EventForm({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const existing = useQuery('events:get', { id: id ?? '' }, Boolean(id));
  const [values, setValues] = useState<Values>(() => asFormValues(FIELDS, undefined, DEFAULTS));
  const { fieldErrors, formError, clear, show } = useFormErrors();
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);

  useEffect(() => {
    if (id && existing.data) setValues(asFormValues(FIELDS, existing.data, DEFAULTS));
  }, [id, existing.data]);

  if (id && existing.error) return <p role="alert">{t('events.notFound')}</p>;

  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const options = (list: readonly string[], prefix: string) => list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      const input = values as unknown as Input<'events:create'>;
      const saved = id ? await mutate('events:update', { ...input, id }) : await mutate('events:create', input);
      announce(t('common.saved'));
      navigate(`/events/${saved.id}`);
    } catch (error) {
      show(error);
    }
  };

  const field = (name: keyof Values) => ({ name, value: values[name], onChange: set(name), error: fieldErrors[name] });

  return (
    <section aria-labelledby="event-form-title">
      <h1 id="event-form-title">{id ? t('events.editTitle') : t('events.new')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        {formError && <p className="form-error" role="alert">{formError}</p>}
        <div className="grid">
          <TextField label={t('events.field.name')} required {...field('name')} />
          <TextField label={t('events.field.acronym')} {...field('acronym')} />
          <SelectField label={t('events.field.kind')} required options={options(EVENT_KINDS, 'events.kind')} {...field('kind')} />
          <TextField label={t('events.field.organiser')} {...field('organiser')} />
          <TextField label={t('events.field.startDate')} type="date" required {...field('startDate')} />
          <TextField label={t('events.field.endDate')} type="date" required {...field('endDate')} />
          <TextField label={t('events.field.city')} {...field('city')} />
          <SelectField
            label={t('events.field.country')}
            placeholder={t('form.chooseOne')}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
            {...field('country')}
          />
          <SelectField label={t('events.field.modality')} options={options(MODALITIES, 'events.modality')} {...field('modality')} />
          <SelectField label={t('events.field.status')} options={options(EVENT_STATUSES, 'events.status')} {...field('status')} />
          <TextField label={t('events.field.website')} type="url" dir="ltr" {...field('website')} />
        </div>
        <TextField label={t('events.field.notes')} multiline {...field('notes')} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          <a className="button" href={id ? `#/events/${id}` : '#/events'}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
