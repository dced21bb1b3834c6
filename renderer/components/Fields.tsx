// Form controls tied to react-hook-form: a label, the control and its message, linked for screen
// readers (aria-invalid, aria-describedby), with the contract's length limit as maxlength.
import { useId, useState, type ReactNode } from 'react';
import { useController, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatInputDate, parseInputDate } from '../dates';
import { errorOf } from './forms';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; 'aria-required'?: boolean }) => ReactNode;
}

/** A label, the control, and its message, tied together for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden"> ({t('form.required')})</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described, 'aria-required': required || undefined })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface BaseProps<V extends FieldValues> {
  // The submitted type (third parameter) does not matter to a control.
  form: UseFormReturn<V, unknown, any>;
  name: Path<V>;
  label: string;
  hint?: string;
  required?: boolean;
}

interface TextFieldProps<V extends FieldValues> extends BaseProps<V> {
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  multiline?: boolean;
  /** Lines shown by a multiline field. */
  rows?: number;
  dir?: 'auto' | 'ltr';
  maxLength?: number;
  autoComplete?: string;
}

export function TextField<V extends FieldValues>({ form, name, label, hint, required, type = 'text', multiline, rows = 4, dir, maxLength, autoComplete }: TextFieldProps<V>) {
  const props = { ...form.register(name), maxLength, autoComplete };
  return (
    <Field label={label} error={errorOf(form, name)} hint={hint} required={required}>
      {(control) =>
        multiline ? (
          <textarea {...control} {...props} rows={rows} dir={dir ?? 'auto'} />
        ) : (
          <input {...control} {...props} type={type} dir={dir ?? (type === 'text' ? 'auto' : 'ltr')} />
        )
      }
    </Field>
  );
}

interface SelectFieldProps<V extends FieldValues> extends BaseProps<V> {
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("Choose…" or "not recorded"). */
  placeholder?: string;
}

export function SelectField<V extends FieldValues>({ form, name, label, hint, required, options, placeholder }: SelectFieldProps<V>) {
  return (
    <Field label={label} error={errorOf(form, name)} hint={hint} required={required}>
      {(control) => (
        <select {...control} {...form.register(name)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A date typed the UI language's way (23/11/2026 in French, 11/23/2026 in English, 2026/11/23 in
 * Chinese); the form's value is YYYY-MM-DD, or the text as typed when it is not a date (the schema
 * then says so).
 */
export function DateField<V extends FieldValues>({ form, name, label, hint, required }: BaseProps<V>) {
  const { t, i18n } = useTranslation();
  const { field } = useController({ control: form.control, name });
  const value = String(field.value ?? '');
  const shown = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatInputDate(value, i18n.language) : value;
  // What is being typed stays as typed; once the field is left it shows the date the language's way.
  const [typing, setTyping] = useState<string>();
  const example = t('form.dateExample', { example: formatInputDate('2026-11-23', i18n.language) });
  return (
    <Field label={label} error={errorOf(form, name)} hint={hint ? `${hint} ${example}` : example} required={required}>
      {(control) => (
        <input
          {...control}
          ref={field.ref}
          name={field.name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          maxLength={20}
          value={typing ?? shown}
          onChange={(e) => {
            setTyping(e.target.value);
            const parsed = parseInputDate(e.target.value, i18n.language);
            field.onChange(parsed ?? e.target.value);
          }}
          onBlur={() => {
            setTyping(undefined);
            field.onBlur();
          }}
        />
      )}
    </Field>
  );
}
