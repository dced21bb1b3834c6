import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, EVENT_STATUSES, MODALITIES } from '../../../main/domain/enums';
import { eventInput } from '../../../main/domain/inputs';
import { eventFields } from '../../../main/domain/model';
import { DateField, SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, useLeaveGuard, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName } from '../../format';
import { ScreenTitle } from '../../components/ScreenTitle';

const FIELDS = ['name', 'acronym', 'kind', 'organiser', 'city', 'country', 'startDate', 'endDate', 'modality', 'website', 'status', 'notes', 'agenda'] as const;
type Values = FormValues<(typeof FIELDS)[number]>;
const DEFAULTS = { kind: 'conference', organiser: 'ITU', modality: 'inPerson', status: 'invited' };

/** New event (no id) or edit an existing one. */
export function EventForm({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mutate = useMutation();
  const { announce } = useStatus();
  const existing = useQuery('events:get', { id: id ?? '' }, Boolean(id));
  const event = useApiForm<Values, typeof eventInput>(eventInput, asFormValues(FIELDS, undefined, DEFAULTS));
  const { form } = event;
  const { reset } = form;
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  const { allowLeave } = useLeaveGuard(form.formState.isDirty);

  useEffect(() => {
    if (id && existing.data) reset(asFormValues(FIELDS, existing.data, DEFAULTS));
  }, [id, existing.data, reset]);

  if (id && existing.error) return <p role="alert">{t('events.notFound')}</p>;

  const options = <T extends string>(list: readonly T[], label: (value: T) => string) => list.map((value) => ({ value, label: label(value) }));
  const max = (name: keyof typeof eventFields) => eventFields[name].maxLength;

  const submit = form.handleSubmit(async (values) => {
    event.clearError();
    try {
      const saved = id ? await mutate('events:update', { ...values, id }) : await mutate('events:create', values);
      announce(t('common.saved'));
      allowLeave();
      void navigate({ to: '/events/$eventId', params: { eventId: saved.id } });
    } catch (error) {
      event.showError(error);
    }
  });

  return (
    <section aria-labelledby="event-form-title">
      <ScreenTitle id="event-form-title">{id ? t('events.editTitle') : t('events.new')}</ScreenTitle>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {event.formError && (
          <p className="form-error" role="alert">
            {event.formError}
          </p>
        )}
        <div className="grid">
          <TextField form={form} name="name" label={t('events.field.name')} required maxLength={max('name')} />
          <TextField form={form} name="acronym" label={t('events.field.acronym')} maxLength={max('acronym')} />
          <SelectField form={form} name="kind" label={t('events.field.kind')} required options={options(EVENT_KINDS, (kind) => t(`events.kind.${kind}`))} />
          <TextField form={form} name="organiser" label={t('events.field.organiser')} maxLength={max('organiser')} />
          <DateField form={form} name="startDate" label={t('events.field.startDate')} required />
          <DateField form={form} name="endDate" label={t('events.field.endDate')} required />
          <TextField form={form} name="city" label={t('events.field.city')} maxLength={max('city')} />
          <SelectField
            form={form}
            name="country"
            label={t('events.field.country')}
            placeholder={t('form.chooseOne')}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <SelectField form={form} name="modality" label={t('events.field.modality')} options={options(MODALITIES, (modality) => t(`events.modality.${modality}`))} />
          <SelectField form={form} name="status" label={t('events.field.status')} options={options(EVENT_STATUSES, (status) => t(`events.status.${status}`))} />
          <TextField form={form} name="website" type="url" label={t('events.field.website')} maxLength={max('website')} />
        </div>
        <TextField form={form} name="notes" label={t('events.field.notes')} multiline maxLength={max('notes')} />
        <TextField form={form} name="agenda" label={t('events.field.agenda')} multiline maxLength={max('agenda')} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
          {id ? (
            <Link className="button" to="/events/$eventId" params={{ eventId: id }}>
              {t('common.cancel')}
            </Link>
          ) : (
            <Link className="button" to="/events">
              {t('common.cancel')}
            </Link>
          )}
        </div>
      </form>
    </section>
  );
}
