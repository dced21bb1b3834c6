import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../main/api/contract';
import { GENDERS } from '../../../main/domain/enums';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useAnnounceError, useFormErrors } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName, personName } from '../../format';
import { navigate } from '../../router';

const FIELDS = [
  'title', 'givenName', 'familyName', 'gender', 'birthDate', 'nationality', 'organisation', 'function', 'email', 'phone',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const DEFAULTS = { gender: 'unspecified' };

/** A person's form state and its save, shared by the People screen and the delegation's "new person". */
export function usePersonForm(id?: string) {
  const mutate = useMutation();
  const errors = useFormErrors();
  const [values, setValues] = useState<Values>(() => asFormValues(FIELDS, undefined, DEFAULTS));
  const reset = useCallback((record?: Partial<Output<'people:get'>>) => setValues(asFormValues(FIELDS, record, DEFAULTS)), []);

  const save = async (): Promise<Output<'people:create'> | undefined> => {
    errors.clear();
    const input = values as unknown as Input<'people:create'>;
    try {
      return id ? await mutate('people:update', { ...input, id }) : await mutate('people:create', input);
    } catch (error) {
      errors.show(error);
      return undefined;
    }
  };

  return { values, setValues, reset, save, errors };
}

export type PersonFormState = ReturnType<typeof usePersonForm>;

export function PersonFields({ form }: { form: PersonFormState }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  const { values, setValues, errors } = form;
  const field = (name: keyof Values) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: errors.fieldErrors[name],
  });
  return (
    <div className="grid">
      <TextField label={t('people.field.title')} {...field('title')} />
      <TextField label={t('people.field.givenName')} required {...field('givenName')} />
      <TextField label={t('people.field.familyName')} required {...field('familyName')} />
      <SelectField
        label={t('people.field.gender')}
        options={GENDERS.map((g) => ({ value: g, label: t(`people.gender.${g}`) }))}
        {...field('gender')}
      />
      <TextField label={t('people.field.birthDate')} type="date" {...field('birthDate')} />
      <SelectField
        label={t('people.field.nationality')}
        placeholder={t('form.chooseOne')}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        {...field('nationality')}
      />
      <TextField label={t('people.field.organisation')} {...field('organisation')} />
      <TextField label={t('people.field.function')} {...field('function')} />
      <TextField label={t('people.field.email')} type="email" dir="ltr" {...field('email')} />
      <TextField label={t('people.field.phone')} type="tel" dir="ltr" {...field('phone')} />
    </div>
  );
}

/** The People screen's form: new person (no id) or edit. */
export function PersonForm({ id }: { id?: string }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const existing = useQuery('people:get', { id: id ?? '' }, Boolean(id));
  const form = usePersonForm(id);
  const { reset } = form;

  useEffect(() => {
    if (id && existing.data) reset(existing.data);
  }, [id, existing.data, reset]);

  if (id && existing.error) return <p role="alert">{t('people.notFound')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.save();
    if (!saved) return;
    announce(t('common.saved'));
    navigate('/people');
  };

  const remove = async () => {
    if (!existing.data) return;
    if (!(await confirm(t('people.deleteConfirm', { name: personName(existing.data) }), t('common.delete')))) return;
    try {
      await mutate('people:delete', { id: existing.data.id });
    } catch (error) {
      return announceError(error);
    }
    announce(t('people.deleted'));
    navigate('/people');
  };

  return (
    <section aria-labelledby="person-form-title">
      <h1 id="person-form-title">{id ? t('people.editTitle') : t('people.new')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        {form.errors.formError && (
          <p className="form-error" role="alert">
            {form.errors.formError}
          </p>
        )}
        <PersonFields form={form} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          <a className="button" href="#/people">
            {t('common.cancel')}
          </a>
          {id && (
            <button type="button" className="danger push-end" onClick={() => void remove()}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
