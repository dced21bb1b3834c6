// A deadline the user sets: its date, what to do, its kind, and what it concerns (an event, one of the
// event's contributions, a member of its delegation). One of a kind the rules estimate replaces that estimate.
import { type FormEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../main/api/contract';
import { DEADLINE_KINDS } from '../../../main/domain/enums';
import { createSchema } from '../../../main/domain/fields';
import { deadlineFields } from '../../../main/domain/model';
import { DateField, SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { personName } from '../../format';

const { date, what, kind, eventId, contributionId, personId } = deadlineFields;
const newInput = createSchema({ date, what, kind, eventId, contributionId, personId });
const FIELDS = ['date', 'what', 'kind', 'eventId', 'contributionId', 'personId'] as const;
type Values = FormValues<(typeof FIELDS)[number]>;

export function NewDeadline({ events, preselected }: { events: readonly EventSummary[]; preselected: string | undefined }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const defaults = () => asFormValues(FIELDS, undefined, { eventId: preselected ?? '', kind: 'other' });
  const api = useApiForm<Values, typeof newInput>(newInput, defaults());
  const { form } = api;
  const chosen = useWatch({ control: form.control, name: 'eventId' });
  const contributions = useQuery('contributions:list', { eventId: chosen }, Boolean(chosen));
  const delegation = useQuery('delegation:get', { eventId: chosen }, Boolean(chosen));

  const submit = form.handleSubmit(async (values) => {
    api.clearError();
    try {
      await mutate('deadlines:create', values);
      announce(t('deadlines.added'));
      form.reset({ ...defaults(), eventId: values.eventId ?? '' });
    } catch (error) {
      api.showError(error);
    }
  });

  return (
    <details className="card new-deadline">
      <summary>{t('deadlines.add')}</summary>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {api.formError && (
          <p className="form-error" role="alert">
            {api.formError}
          </p>
        )}
        <div className="grid">
          <DateField form={form} name="date" label={t('deadlines.date')} required />
          <TextField form={form} name="what" label={t('deadlines.what')} required maxLength={what.maxLength} />
          <SelectField form={form} name="kind" label={t('deadlines.kind')} options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`letters.deadlineKind.${k}`) }))} />
          <SelectField
            form={form}
            name="eventId"
            label={t('deadlines.event')}
            placeholder={t('common.none')}
            options={events.map((e) => ({ value: e.id, label: e.acronym || e.name }))}
          />
          {chosen && (contributions.data ?? []).length > 0 && (
            <SelectField
              form={form}
              name="contributionId"
              label={t('deadlines.contribution')}
              placeholder={t('common.none')}
              options={(contributions.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          )}
          {chosen && (delegation.data?.members ?? []).length > 0 && (
            <SelectField
              form={form}
              name="personId"
              label={t('deadlines.person')}
              placeholder={t('common.none')}
              options={(delegation.data?.members ?? []).map((m) => ({ value: m.person.id, label: personName(m.person) }))}
            />
          )}
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
