import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../main/api/contract';
import { LANGUAGES } from '../../../main/domain/enums';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useFormErrors } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName } from '../../format';

const PROFILE_FIELDS = ['country', 'administration', 'address', 'signatoryName', 'signatoryTitle', 'documentLanguage'] as const;
type ProfileValues = Record<(typeof PROFILE_FIELDS)[number], string>;

function GeneralSettings() {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const settings = useQuery('settings:get');
  const [youthMaxAge, setYouthMaxAge] = useState('');
  const { fieldErrors, formError, clear, show } = useFormErrors();

  useEffect(() => {
    if (settings.data) setYouthMaxAge(String(settings.data.youthMaxAge));
  }, [settings.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await mutate('settings:update', { youthMaxAge: youthMaxAge as unknown as number });
      announce(t('common.saved'));
    } catch (error) {
      show(error);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="general-title">
      <h2 id="general-title">{t('settings.general')}</h2>
      {formError && <p className="form-error" role="alert">{formError}</p>}
      <TextField
        label={t('settings.youthMaxAge')}
        name="youthMaxAge"
        type="number"
        value={youthMaxAge}
        onChange={setYouthMaxAge}
        error={fieldErrors.youthMaxAge}
        hint={t('settings.youthHelp')}
      />
      <div className="actions">
        <button type="submit" className="primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

function ProfileSettings() {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const profile = useQuery('profile:get');
  const [values, setValues] = useState<ProfileValues>(() => asFormValues(PROFILE_FIELDS, undefined));
  const { fieldErrors, formError, clear, show } = useFormErrors();
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);

  useEffect(() => {
    if (profile.data) setValues(asFormValues(PROFILE_FIELDS, profile.data));
  }, [profile.data]);

  const field = (name: keyof ProfileValues) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: fieldErrors[name],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await mutate('profile:update', values as unknown as Input<'profile:update'>);
      announce(t('common.saved'));
    } catch (error) {
      show(error);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      {formError && <p className="form-error" role="alert">{formError}</p>}
      <div className="grid">
        <SelectField
          label={t('settings.country')}
          placeholder={t('form.chooseOne')}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
          {...field('country')}
        />
        <TextField label={t('settings.administration')} {...field('administration')} />
        <TextField label={t('settings.signatoryName')} {...field('signatoryName')} />
        <TextField label={t('settings.signatoryTitle')} {...field('signatoryTitle')} />
        <SelectField
          label={t('settings.documentLanguage')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          {...field('documentLanguage')}
        />
      </div>
      <TextField label={t('settings.address')} multiline {...field('address')} />
      <div className="actions">
        <button type="submit" className="primary">{t('common.save')}</button>
      </div>
    </form>
  );
}

function DataSettings() {
  const { t } = useTranslation();
  const status = useQuery('app:status');
  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('settings.data')}</h2>
      <dl className="facts">
        <dt>{t('settings.dataDir')}</dt>
        <dd>
          <code dir="ltr">{status.data?.dataDir}</code>
        </dd>
      </dl>
      <p className="muted">{t('settings.dataHelp')}</p>
      {status.data && (
        <p className="muted small">
          {t('settings.version', { version: status.data.version })}
          {status.data.shell === 'web' && <> · {t('settings.browserMode')}</>}
        </p>
      )}
    </section>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="stack">
        <GeneralSettings />
        <ProfileSettings />
        <DataSettings />
      </div>
    </section>
  );
}
