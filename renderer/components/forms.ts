import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useStatus } from './Status';

/**
 * Field messages from main's validation: main is the one judge of input, the form only shows its verdict.
 * Returns the messages by field name, a form-level message, and a handler for a failed save.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [failures, setFailures] = useState(0);

  // After the render that marks the fields, move focus to the first one in error, so that keyboard
  // and screen-reader users land on it.
  useEffect(() => {
    if (failures > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(undefined);
  }, []);

  const show = useCallback(
    (error: unknown) => {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      const byField: Record<string, string> = {};
      for (const issue of api.issues) byField[issue.path] ??= t(issue.code, issue.params);
      setFieldErrors(byField);
      setFormError(api.issues.length > 0 ? t('form.fixErrors') : t(api.code, api.params));
      setFailures((n) => n + 1);
    },
    [t],
  );

  return { fieldErrors, formError, clear, show };
}

/** For actions outside a form (a delete, a role changed in a table): a refusal is said in the live region. */
export function useAnnounceError() {
  const { t } = useTranslation();
  const { announce } = useStatus();
  return useCallback(
    (error: unknown) => {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      announce(t(api.code, api.params));
    },
    [t, announce],
  );
}

/** Turns a record into form state: every field a string, absent values empty. */
export function asFormValues<K extends string>(keys: readonly K[], record: Partial<Record<K, unknown>> | undefined, defaults: Partial<Record<K, string>> = {}): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = record?.[key];
    values[key] = value === undefined || value === null ? (defaults[key] ?? '') : String(value);
  }
  return values;
}
