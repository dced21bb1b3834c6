// Forms: react-hook-form, checked by the contract's own zod schemas (the rules main applies), with
// main's verdict shown the same way when it refuses. A changed form is never left without asking.
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldIssues } from '../../main/errors';
import { ApiError } from '../api';
import { useStatus } from './Status';
import { messageKey } from '../i18n';

/** Every field of a form is text (what the controls hold); the schema turns it into the record's values. */
export type FormValues<K extends string> = Record<K, string>;

/**
 * The contract's schema as a react-hook-form resolver: its issues, translated, by field. What is
 * submitted is what the user typed (main parses it again: '' clears a field in an update), now known
 * to be a valid input of the schema.
 */
function schemaResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  translate: (code: string, params?: Record<string, string | number>) => string,
): Resolver<V, unknown, z.input<S>> {
  return async (values) => {
    const parsed = schema.safeParse(values);
    // The schema accepted these very values: they are an input of it.
    if (parsed.success) return { values: values as z.input<S>, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of fieldIssues(parsed.error)) {
      errors[issue.path] ??= { type: issue.code, message: translate(issue.code, issue.params) };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/** Turns a record into form values: every field a string, absent values empty. */
export function asFormValues<K extends string>(
  keys: readonly K[],
  record: Partial<Record<K, unknown>> | undefined,
  defaults: Partial<Record<K, string>> = {},
): FormValues<K> {
  const values = {} as FormValues<K>;
  for (const key of keys) {
    const value = record?.[key];
    values[key] = value === undefined || value === null ? (defaults[key] ?? '') : String(value);
  }
  return values;
}

export interface ApiForm<V extends FieldValues, S extends z.ZodType = z.ZodType> {
  form: UseFormReturn<V, unknown, z.input<S>>;
  /** A message for the whole form (main refused the save), or undefined. */
  formError: string | undefined;
  /** Shows a refused save: each field's message on its field (the first one focused), or one for the form. */
  showError(error: unknown): void;
  clearError(): void;
}

export function useApiForm<V extends FieldValues, S extends z.ZodType>(schema: S, defaultValues: DefaultValues<V>): ApiForm<V, S> {
  const { t } = useTranslation();
  const form = useForm<V, unknown, z.input<S>>({
    defaultValues,
    resolver: schemaResolver<V, S>(schema, (code, params) => t(messageKey(code), params)),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const [formError, setFormError] = useState<string>();
  const showError = useCallback(
    (error: unknown) => {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      api.issues.forEach((issue, i) =>
        form.setError(issue.path as Path<V>, { type: issue.code, message: t(messageKey(issue.code), issue.params) }, { shouldFocus: i === 0 }),
      );
      setFormError(api.issues.length > 0 ? t('form.fixErrors') : t(messageKey(api.code), api.params));
    },
    [form, t],
  );
  const clearError = useCallback(() => setFormError(undefined), []);
  return { form, formError, showError, clearError };
}

/** The translated message of a field in error, from react-hook-form's state. */
export function errorOf<V extends FieldValues>(form: UseFormReturn<V, unknown, any>, name: Path<V>): string | undefined {
  const error = form.getFieldState(name, form.formState).error;
  return error?.message;
}

/**
 * Leaving a screen whose form was changed and not saved asks first (the router's blocker, and the
 * browser's own question when the window is closed). After a save or a delete, `allowLeave()` lets
 * the screen move on without asking.
 */
export function useLeaveGuard(changed: boolean): { allowLeave(): void } {
  const { t } = useTranslation();
  const { confirm } = useStatus();
  // Read when the user navigates, not when the screen last drew: a save just made must count.
  const state = useRef({ changed, allowed: false });
  state.current.changed = changed;
  const mustAsk = () => state.current.changed && !state.current.allowed;
  useBlocker({
    shouldBlockFn: async () => mustAsk() && !(await confirm(t('form.leaveConfirm'), t('form.leave'))),
    enableBeforeUnload: mustAsk,
  });
  return useMemo(() => ({ allowLeave: () => void (state.current.allowed = true) }), []);
}

/** For actions outside a form (a delete, a role changed in a table): a refusal is said in the live region. */
export function useAnnounceError() {
  const { t } = useTranslation();
  const { announce } = useStatus();
  return useCallback(
    (error: unknown) => {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      announce(t(messageKey(api.code), api.params), 'warning');
    },
    [t, announce],
  );
}
