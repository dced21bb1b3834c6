import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
        {required && <span className="required-mark" aria-hidden="true"> *</span>}
        {required && <span className="visually-hidden"> ({t('form.required')})</span>}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described, 'aria-required': required || undefined })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date' | 'url' | 'number';
  multiline?: boolean;
  dir?: 'auto' | 'ltr';
}

export function TextField({ label, name, value, onChange, error, hint, required, type = 'text', multiline, dir }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) =>
        multiline ? (
          <textarea {...control} name={name} value={value} rows={4} dir={dir ?? 'auto'} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...control} name={name} type={type} value={value} dir={dir ?? (type === 'text' ? 'auto' : undefined)} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
  required?: boolean;
  /** A first, empty choice ("Choose…" or "not recorded"). */
  placeholder?: string;
}

export function SelectField({ label, name, value, onChange, options, error, hint, required, placeholder }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(control) => (
        <select {...control} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
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
