// One member's participation in detail: protocol category, visa, fellowship, travel dates, credentials.
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FELLOWSHIP_STATUSES, FELLOWSHIPS, VIP_CATEGORIES, VISA_STATUSES } from '../../../main/domain/enums';
import { patchSchema } from '../../../main/domain/fields';
import { participationFields } from '../../../main/domain/model';
import { DateField, SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, useLeaveGuard, type FormValues } from '../../components/forms';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { personName } from '../../format';

// The form checks the fields' rules; main also checks that the departure is not before the arrival.
const detailsInput = patchSchema(participationFields);
const FIELDS = ['vip', 'visa', 'fellowship', 'fellowshipStatus', 'arrival', 'departure', 'credentials', 'notes'] as const;
type Values = FormValues<(typeof FIELDS)[number]>;

export function MemberDetails({ eventId, participationId }: { eventId: string; participationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutate = useMutation();
  const { announce } = useStatus();
  const delegation = useQuery('delegation:get', { eventId });
  const member = delegation.data?.members.find((m) => m.participation.id === participationId);
  const details = useApiForm<Values, typeof detailsInput>(detailsInput, asFormValues(FIELDS, undefined, { visa: 'notNeeded', credentials: 'false' }));
  const { form } = details;
  const { reset } = form;
  useEffect(() => {
    if (member) reset(asFormValues(FIELDS, member.participation, { visa: 'notNeeded' }));
  }, [member, reset]);
  const { allowLeave } = useLeaveGuard(form.formState.isDirty);

  if (delegation.error || (delegation.data && !member)) return <p role="alert">{t('delegation.memberNotFound')}</p>;
  if (!delegation.data || !member) return <p>{t('app.loading')}</p>;

  const options = (list: readonly string[], key: string) => list.map((value) => ({ value, label: String(t(`${key}.${value}` as 'delegation.vip.VVIP')) }));
  const submit = form.handleSubmit(async (values) => {
    details.clearError();
    try {
      await mutate('participations:update', { ...values, id: participationId });
      announce(t('common.saved'));
      allowLeave();
      void navigate({ to: '/events/$eventId', params: { eventId } });
    } catch (error) {
      details.showError(error);
    }
  });

  return (
    <section aria-labelledby="member-title">
      <ScreenTitle id="member-title">{t('delegation.detailsTitle', { name: personName(member.person), event: delegation.data.event.acronym || delegation.data.event.name })}</ScreenTitle>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {details.formError && (
          <p className="form-error" role="alert">
            {details.formError}
          </p>
        )}
        <div className="grid">
          <SelectField form={form} name="vip" label={t('delegation.field.vip')} placeholder={t('delegation.vip.none')} options={options(VIP_CATEGORIES, 'delegation.vip')} />
          <SelectField form={form} name="visa" label={t('delegation.field.visa')} options={options(VISA_STATUSES, 'delegation.visa')} />
          <SelectField form={form} name="fellowship" label={t('delegation.field.fellowship')} placeholder={t('delegation.fellowship.none')} options={options(FELLOWSHIPS, 'delegation.fellowship')} />
          <SelectField form={form} name="fellowshipStatus" label={t('delegation.field.fellowshipStatus')} placeholder={t('form.chooseOne')} options={options(FELLOWSHIP_STATUSES, 'delegation.fellowshipStatus')} />
          <DateField form={form} name="arrival" label={t('delegation.field.arrival')} />
          <DateField form={form} name="departure" label={t('delegation.field.departure')} />
          <SelectField form={form} name="credentials" label={t('delegation.field.credentials')} options={[{ value: 'false', label: t('delegation.credentials.false') }, { value: 'true', label: t('delegation.credentials.true') }]} />
        </div>
        <TextField form={form} name="notes" label={t('delegation.field.notes')} multiline maxLength={participationFields.notes.maxLength} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
          <Link className="button" to="/events/$eventId" params={{ eventId }}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
