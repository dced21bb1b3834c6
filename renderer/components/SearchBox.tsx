// The search field of a list: the list follows each keystroke at once; the address follows a moment
// later (replacing, not adding, a history entry), so that back and forward bring the search back.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../main/domain/enums';

interface SearchBoxProps {
  /** The search in the address. */
  value: string;
  /** Called at once with what is typed. */
  onInput(value: string): void;
  /** Called once typing pauses, to keep the address in step. */
  onSettle(value: string): void;
  label: string;
  hint: string;
}

export function SearchBox({ value, onInput, onSettle, label, hint }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onSettle(text), 400);
    return () => clearTimeout(timer);
  }, [text, value, onSettle]);
  return (
    <div className="search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        dir="auto"
        value={text}
        maxLength={LIMITS.name}
        aria-describedby={`${id}-hint`}
        placeholder={t('search.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          onInput(e.target.value);
        }}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {hint}
      </span>
    </div>
  );
}
