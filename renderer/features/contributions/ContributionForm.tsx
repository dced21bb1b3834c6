// A new contribution: its title, event, agenda item (the event's own items when it has an agenda),
// type and language. The fields shared with the details panel live here too.
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../main/api/contract';
import { agendaItems } from '../../../main/domain/agenda';
import { CONTRIBUTION_TYPES, LANGUAGES } from '../../../main/domain/enums';
import { createSchema } from '../../../main/domain/fields';
import { contributionFields } from '../../../main/domain/model';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation } from '../../data';

const { eventId, title, agendaItem, type, language } = contributionFields;
const newInput = createSchema({ eventId, title, agendaItem, type, language });
const FIELDS = ['title', 'eventId', 'agendaItem', 'type', 'language'] as const;
type Values = FormValues<(typeof FIELDS)[number]>;

export const eventLabel = (e: Pick<EventSummary, 'acronym' | 'name'>) => e.acronym || e.name;

/** The agenda item: one of the event's numbered items, or typed when the event has no agenda. */
export function AgendaItemField<V extends FieldValues>({ form, name, agenda }: { form: UseFormReturn<V, unknown, any>; name: Path<V>; agenda: string | undefined }) {
  const { t } = useTranslation();
  const current = String(useWatch({ control: form.control, name }) ?? '');
  const items = useMemo(() => agendaItems(agenda ?? ''), [agenda]);
  const label = t('contributions.field.agendaItem');
  if (items.length === 0) return <TextField form={form} name={name} label={label} maxLength={contributionFields.agendaItem.maxLength} />;
  const options = items.map((item) => ({ value: item.number, label: `${item.number} — ${item.title}` }));
  // A number the agenda no longer has (it was edited since) stays choosable, rather than lost.
  if (current && !items.some((item) => item.number === current)) options.unshift({ value: current, label: current });
  return <SelectField form={form} name={name} label={label} placeholder={t('contributions.noAgendaItem')} options={options} />;
}

export function typeOptions(t: (key: `contributions.type.${(typeof CONTRIBUTION_TYPES)[number]}`) => string) {
  return CONTRIBUTION_TYPES.map((value) => ({ value, label: t(`contributions.type.${value}`) }));
}

export function languageOptions(t: (key: `language.${(typeof LANGUAGES)[number]}`) => string) {
  return LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }));
}

export function NewContribution({ events, preselected }: { events: readonly EventSummary[]; preselected: string | undefined }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const defaults = (event: string | undefined) => asFormValues(FIELDS, undefined, { eventId: event ?? '', type: 'contribution' });
  const api = useApiForm<Values, typeof newInput>(newInput, defaults(preselected));
  const { form } = api;
  const chosen = useWatch({ control: form.control, name: 'eventId' });
  const event = events.find((e) => e.id === chosen);

  // The event filter chosen above is the form's event, unless the user picked another one here.
  useEffect(() => {
    if (!form.getFieldState('eventId').isDirty) form.setValue('eventId', preselected ?? '');
  }, [preselected, form]);
  // Another event has other agenda items.
  const previousEvent = useRef(chosen);
  useEffect(() => {
    if (previousEvent.current !== chosen) form.setValue('agendaItem', '');
    previousEvent.current = chosen;
  }, [chosen, form]);

  const submit = form.handleSubmit(async (values) => {
    api.clearError();
    try {
      await mutate('contributions:create', values);
      announce(t('contributions.saved'));
      form.reset({ ...defaults(preselected), eventId: values.eventId });
      form.setFocus('title');
    } catch (error) {
      api.showError(error);
    }
  });

  return (
    <details className="card new-contribution">
      <summary>{t('contributions.new')}</summary>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {api.formError && (
          <p className="form-error" role="alert">
            {api.formError}
          </p>
        )}
        <div className="grid">
          <TextField form={form} name="title" label={t('contributions.field.title')} required maxLength={contributionFields.title.maxLength} />
          <SelectField
            form={form}
            name="eventId"
            label={t('contributions.field.eventId')}
            required
            placeholder={t('form.chooseOne')}
            options={events.map((e) => ({ value: e.id, label: eventLabel(e) }))}
          />
          <AgendaItemField form={form} name="agendaItem" agenda={event?.agenda} />
          <SelectField form={form} name="type" label={t('contributions.field.type')} options={typeOptions(t)} />
          <SelectField form={form} name="language" label={t('contributions.field.language')} placeholder={t('common.notRecorded')} options={languageOptions(t)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
