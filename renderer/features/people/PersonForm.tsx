import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Output } from '../../../main/api/contract';
import { GENDERS } from '../../../main/domain/enums';
import { personInput } from '../../../main/domain/inputs';
import { personFields } from '../../../main/domain/model';
import { DateField, SelectField, TextField } from '../../components/Fields';
import { asFormValues, useAnnounceError, useApiForm, useLeaveGuard, type ApiForm, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName, formatDateRange, personName } from '../../format';
import { ScreenTitle } from '../../components/ScreenTitle';

const FIELDS = [
  'title', 'givenName', 'familyName', 'gender', 'birthDate', 'nationality', 'organisation', 'function', 'email', 'phone', 'biography',
  'passportName', 'placeOfBirth', 'passportNumber', 'passportCountry', 'passportIssued', 'passportExpires',
] as const;
type Values = FormValues<(typeof FIELDS)[number]>;
type PersonValues = z.input<typeof personInput>;
const DEFAULTS = { gender: 'unspecified' };
export const emptyPerson = (): Values => asFormValues(FIELDS, undefined, DEFAULTS);

/** A person's form and its save, shared by the People screen and the delegation's "new person". */
export function usePersonForm() {
  return useApiForm<Values, typeof personInput>(personInput, emptyPerson());
}

export type PersonForm = ApiForm<Values, typeof personInput>;

/** Saves the form's person (new, or the one with `id`); undefined when refused (the form then says why). */
export function useSavePerson(person: PersonForm, id?: string) {
  const mutate = useMutation();
  return async (values: PersonValues): Promise<Output<'people:create'> | undefined> => {
    person.clearError();
    // The passport number comes masked: it is sent only when the user typed a new one (or cleared it).
    const passport = person.form.getFieldState('passportNumber').isDirty ? {} : { passportNumber: undefined };
    try {
      return id ? await mutate('people:update', { ...values, ...passport, id }) : await mutate('people:create', values);
    } catch (error) {
      person.showError(error);
      return undefined;
    }
  };
}

/** The passport number: masked ("•••• 4521") until the user asks to see it. */
function PassportNumber({ person, id, masked }: { person: PersonForm; id?: string; masked?: string }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const announceError = useAnnounceError();
  const { form } = person;
  const shown = form.watch('passportNumber') !== '' || form.getFieldState('passportNumber').isDirty;
  return (
    <div className="with-source">
      <TextField
        form={form}
        name="passportNumber"
        label={t('people.field.passportNumber')}
        hint={masked && !shown ? t('people.passportMasked', { masked }) : undefined}
        maxLength={personFields.passportNumber.maxLength}
        autoComplete="off"
      />
      {id && masked && !shown && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void mutate('people:passport', { id }).then(({ passportNumber }) => form.resetField('passportNumber', { defaultValue: passportNumber }), announceError)
          }
        >
          {t('people.showPassport')}
        </button>
      )}
    </div>
  );
}

export function PersonFields({ person, id, passportMasked }: { person: PersonForm; id?: string; passportMasked?: string }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  const { form } = person;
  const max = (name: keyof typeof personFields) => personFields[name].maxLength;
  return (
    <div className="grid">
      <TextField form={form} name="title" label={t('people.field.title')} maxLength={max('title')} />
      <TextField form={form} name="givenName" label={t('people.field.givenName')} required maxLength={max('givenName')} />
      <TextField form={form} name="familyName" label={t('people.field.familyName')} required maxLength={max('familyName')} />
      <SelectField form={form} name="gender" label={t('people.field.gender')} options={GENDERS.map((g) => ({ value: g, label: t(`people.gender.${g}`) }))} />
      <DateField form={form} name="birthDate" label={t('people.field.birthDate')} />
      <SelectField
        form={form}
        name="nationality"
        label={t('people.field.nationality')}
        placeholder={t('form.chooseOne')}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
      />
      <TextField form={form} name="organisation" label={t('people.field.organisation')} maxLength={max('organisation')} />
      <TextField form={form} name="function" label={t('people.field.function')} maxLength={max('function')} />
      <TextField form={form} name="email" type="email" label={t('people.field.email')} maxLength={max('email')} autoComplete="off" />
      <TextField form={form} name="phone" type="tel" label={t('people.field.phone')} maxLength={max('phone')} autoComplete="off" />
      <TextField form={form} name="biography" label={t('people.field.biography')} hint={t('people.biographyHelp')} multiline maxLength={max('biography')} />
      <fieldset className="passport">
        <legend>{t('people.passport')}</legend>
        <div className="grid">
          <TextField form={form} name="passportName" label={t('people.field.passportName')} maxLength={max('passportName')} autoComplete="off" />
          <PassportNumber person={person} id={id} masked={passportMasked} />
          <SelectField
            form={form}
            name="passportCountry"
            label={t('people.field.passportCountry')}
            placeholder={t('form.chooseOne')}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <TextField form={form} name="placeOfBirth" label={t('people.field.placeOfBirth')} maxLength={max('placeOfBirth')} autoComplete="off" />
          <DateField form={form} name="passportIssued" label={t('people.field.passportIssued')} />
          <DateField form={form} name="passportExpires" label={t('people.field.passportExpires')} />
        </div>
      </fieldset>
    </div>
  );
}

/** Other records that look like the same person, each mergeable into this one (after a question). */
function LikelyDuplicates({ id }: { id: string }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const duplicates = useQuery('people:duplicates', { id });
  if (!duplicates.data || duplicates.data.length === 0) return null;
  const merge = async (other: { id: string; givenName: string; familyName: string }) => {
    if (!(await confirm(t('people.mergeConfirm', { name: personName(other) }), t('people.merge')))) return;
    try {
      const merged = await mutate('people:merge', { keepId: id, mergeId: other.id });
      announce(t('people.merged', { backup: merged.backup }));
    } catch (error) {
      announceError(error);
    }
  };
  return (
    <section aria-labelledby="duplicates-title" className="person-duplicates">
      <h2 id="duplicates-title">{t('people.duplicatesTitle')}</h2>
      <p className="muted">{t('people.duplicatesHelp')}</p>
      <ul className="plain-list">
        {duplicates.data.map((other) => (
          <li key={other.id}>
            <Link to="/people/$personId" params={{ personId: other.id }}>
              <bdi>{personName(other)}</bdi>
            </Link>{' '}
            <span className="muted">
              <bdi>{[other.organisation, other.function, other.birthYear].filter(Boolean).join(' · ')}</bdi>
            </span>{' '}
            <button type="button" className="button" onClick={() => void merge(other)}>
              {t('people.mergeInto')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every event the person was or will be on, with role and registration. */
function PersonEvents({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const events = useQuery('people:events', { id });
  if (!events.data) return null;
  return (
    <section aria-labelledby="person-events-title" className="person-events">
      <h2 id="person-events-title">{t('people.eventsTitle')}</h2>
      {events.data.length === 0 ? (
        <p className="empty">{t('people.noEvents')}</p>
      ) : (
        <ul className="plain-list">
          {events.data.map(({ event, participation }) => (
            <li key={participation.id}>
              <Link to="/events/$eventId" params={{ eventId: event.id }}>
                <bdi>{event.acronym || event.name}</bdi>
              </Link>{' '}
              <span className="muted">
                {formatDateRange(event.startDate, event.endDate, i18n.language)} · {t(`delegation.role.${participation.role}`)} ·{' '}
                {t(`delegation.registration.${participation.registrationStatus}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The People screen's form: new person (no id) or edit. */
export function PersonForm({ id }: { id?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const existing = useQuery('people:get', { id: id ?? '' }, Boolean(id));
  const person = usePersonForm();
  const save = useSavePerson(person, id);
  const { form } = person;
  const { reset } = form;

  useEffect(() => {
    if (id && existing.data) reset(asFormValues(FIELDS, existing.data, DEFAULTS));
  }, [id, existing.data, reset]);
  const { allowLeave } = useLeaveGuard(form.formState.isDirty);

  if (id && existing.error) return <p role="alert">{t('people.notFound')}</p>;

  const submit = form.handleSubmit(async (values) => {
    if (!(await save(values))) return;
    announce(t('common.saved'));
    allowLeave();
    void navigate({ to: '/people' });
  });

  const remove = async () => {
    if (!existing.data) return;
    if (!(await confirm(t('people.deleteConfirm', { name: personName(existing.data) }), t('common.delete')))) return;
    try {
      await mutate('people:delete', { id: existing.data.id });
    } catch (error) {
      return announceError(error);
    }
    announce(t('people.deleted'));
    allowLeave();
    void navigate({ to: '/people' });
  };

  return (
    <section aria-labelledby="person-form-title">
      <ScreenTitle id="person-form-title">{id ? t('people.editTitle') : t('people.new')}</ScreenTitle>
      <form className="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {person.formError && (
          <p className="form-error" role="alert">
            {person.formError}
          </p>
        )}
        <PersonFields person={person} id={id} passportMasked={existing.data?.passportMasked} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
          <Link className="button" to="/people">
            {t('common.cancel')}
          </Link>
          {id && (
            <button type="button" className="danger push-end" onClick={() => void remove()}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </form>
      {id && <PersonEvents id={id} />}
      {id && <LikelyDuplicates id={id} />}
    </section>
  );
}
