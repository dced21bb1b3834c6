import { useEffect, useMemo, type FormEvent } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../main/domain/enums';
import { profilePatchInput, settingsPatchInput } from '../../../main/domain/inputs';
import { profileFields } from '../../../main/domain/model';
import { SelectField, TextField } from '../../components/Fields';
import { asFormValues, useApiForm, useLeaveGuard, type ApiForm, type FormValues } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { countriesByName } from '../../format';
import { ScreenTitle } from '../../components/ScreenTitle';
import { DeadlineRules } from './DeadlineRules';

const PROFILE_FIELDS = ['country', 'administration', 'address', 'signatoryName', 'signatoryTitle', 'documentLanguage', 'place', 'referencePattern'] as const;
type ProfileValues = FormValues<(typeof PROFILE_FIELDS)[number]>;
type GeneralValues = FormValues<'youthMaxAge' | 'womenTargetPercent' | 'reminderLeadDays'>;
/** Youth limits in use at ITU: UN statistics (24), Generation Connect (29), PP-14 young delegates (35). */
const YOUTH_PRESETS = [24, 29, 35] as const;

/** A settings card's save: main's refusal shown on the form, "Saved." said, the form then unchanged. */
function useSaveCard<V extends Record<string, string>, S extends z.ZodType>(card: ApiForm<V, S>, save: (values: z.input<S>) => Promise<unknown>) {
  const { t } = useTranslation();
  const { announce } = useStatus();
  return card.form.handleSubmit(async (values) => {
    card.clearError();
    try {
      await save(values);
    } catch (error) {
      return card.showError(error);
    }
    announce(t('common.saved'));
    // What was saved is now the form's starting point: nothing left to ask about on leaving.
    card.form.reset(card.form.getValues());
  });
}

function GeneralSettings() {
  const { t } = useTranslation();
  const mutate = useMutation();
  const settings = useQuery('settings:get');
  const general = useApiForm<GeneralValues, typeof settingsPatchInput>(settingsPatchInput, { youthMaxAge: '', womenTargetPercent: '', reminderLeadDays: '' });
  const { reset } = general.form;
  useLeaveGuard(general.form.formState.isDirty);

  useEffect(() => {
    if (settings.data) reset({ youthMaxAge: String(settings.data.youthMaxAge), womenTargetPercent: String(settings.data.womenTargetPercent), reminderLeadDays: String(settings.data.reminderLeadDays) });
  }, [settings.data, reset]);

  const submit = useSaveCard(general, (values) => mutate('settings:update', values));

  return (
    <form className="card form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby="general-title">
      <h2 id="general-title">{t('settings.general')}</h2>
      {general.formError && (
        <p className="form-error" role="alert">
          {general.formError}
        </p>
      )}
      <TextField form={general.form} name="youthMaxAge" type="number" label={t('settings.youthMaxAge')} hint={t('settings.youthHelp')} />
      <div className="actions" role="group" aria-label={t('settings.youthPresets')}>
        {YOUTH_PRESETS.map((age) => (
          <button key={age} type="button" className="button" onClick={() => general.form.setValue('youthMaxAge', String(age), { shouldDirty: true })}>
            {t(`settings.youthPreset.${age}`)}
          </button>
        ))}
      </div>
      <TextField form={general.form} name="womenTargetPercent" type="number" label={t('settings.womenTarget')} hint={t('settings.womenTargetHelp')} />
      <TextField form={general.form} name="reminderLeadDays" type="number" label={t('settings.reminderLeadDays')} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function ProfileSettings() {
  const { t, i18n } = useTranslation();
  const mutate = useMutation();
  const profile = useQuery('profile:get');
  const card = useApiForm<ProfileValues, typeof profilePatchInput>(profilePatchInput, asFormValues(PROFILE_FIELDS, undefined));
  const { form } = card;
  const { reset } = form;
  const countries = useMemo(() => countriesByName(i18n.language), [i18n.language]);
  const max = (name: keyof typeof profileFields) => profileFields[name].maxLength;
  useLeaveGuard(form.formState.isDirty);

  useEffect(() => {
    if (profile.data) reset(asFormValues(PROFILE_FIELDS, profile.data));
  }, [profile.data, reset]);

  const submit = useSaveCard(card, (values) => mutate('profile:update', values));

  return (
    <form className="card form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      {card.formError && (
        <p className="form-error" role="alert">
          {card.formError}
        </p>
      )}
      <div className="grid">
        <SelectField
          form={form}
          name="country"
          label={t('settings.country')}
          placeholder={t('form.chooseOne')}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <TextField form={form} name="administration" label={t('settings.administration')} maxLength={max('administration')} />
        <TextField form={form} name="signatoryName" label={t('settings.signatoryName')} maxLength={max('signatoryName')} />
        <TextField form={form} name="signatoryTitle" label={t('settings.signatoryTitle')} maxLength={max('signatoryTitle')} />
        <TextField form={form} name="place" label={t('settings.place')} maxLength={max('place')} />
        <TextField form={form} name="referencePattern" label={t('settings.referencePattern')} hint={t('settings.referencePatternHelp')} maxLength={max('referencePattern')} />
        <SelectField
          form={form}
          name="documentLanguage"
          label={t('settings.documentLanguage')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
      </div>
      <TextField form={form} name="address" label={t('settings.address')} multiline maxLength={max('address')} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
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
      <ScreenTitle id="settings-title">{t('settings.title')}</ScreenTitle>
      <div className="stack">
        <GeneralSettings />
        <DeadlineRules />
        <ProfileSettings />
        <DataSettings />
      </div>
    </section>
  );
}
