// A searchable combobox over People (ARIA 1.2 combobox with a listbox): type any part of a name,
// organisation or e-mail, in any script; namesakes are told apart by organisation and year of birth.
// The search runs in main (people:search), so 5,000 people never travel to the page.
import { forwardRef, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../../main/api/contract';
import { LIMITS } from '../../../main/domain/enums';
import { useQuery } from '../../data';
import { formatNumber, formatYear, personName } from '../../format';

interface PersonPickerProps {
  eventId: string;
  value: PersonMatch | undefined;
  onChange(person: PersonMatch | undefined): void;
  label: string;
  error?: string;
}

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export const PersonPicker = forwardRef<HTMLInputElement, PersonPickerProps>(function PersonPicker({ eventId, value, onChange, label, error }, ref) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // What the field shows (a chosen person's name, or what is typed) and what was typed: only the latter is searched.
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  // The highlighted person, by id: when the list is refreshed under the arrow keys, the same person
  // stays highlighted (or the first one, if they are no longer listed).
  const [activeId, setActiveId] = useState<string>();
  const query = useSettled(typed, 120);
  const search = useQuery('people:search', { query, excludeEventId: eventId, limit: 20 }, open, { keepPrevious: true });
  const matches = search.data?.matches ?? [];
  // The list answers what is typed now (not a moment ago): only then may Enter pick from it.
  const current = Boolean(search.data) && query === typed && !search.previous;
  const enterPending = useRef(false);
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const cancelClose = () => clearTimeout(closing.current);
  const found = matches.findIndex((p) => p.id === activeId);
  const active = found >= 0 ? found : 0;

  useEffect(() => {
    setText(value ? personName(value) : '');
    if (!value) setTyped('');
  }, [value]);

  const choose = (person: PersonMatch) => {
    enterPending.current = false;
    onChange(person);
    setOpen(false);
  };

  // Enter pressed before the list caught up with the typing: the highlighted person if still
  // listed, else the first match, once it has.
  useEffect(() => {
    if (enterPending.current && current) {
      enterPending.current = false;
      if (matches[active]) choose(matches[active]);
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (matches.length > 0) setActiveId(matches[(active + step + matches.length) % matches.length].id);
    } else if (event.key === 'Enter' && open) {
      // Enter picks the highlighted person; it submits the form only once someone is chosen.
      event.preventDefault();
      if (!current) enterPending.current = true;
      else if (matches[active]) choose(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  const details = (p: PersonMatch) =>
    [p.organisation, p.function, p.birthYear ? t('delegation.bornIn', { year: formatYear(p.birthYear, i18n.language) }) : '']
      .filter(Boolean)
      .join(' · ');
  const optionId = (i: number) => `${id}-option-${i}`;
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');

  return (
    <div className={`field combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
        <span className="visually-hidden"> ({t('form.required')})</span>
      </label>
      <input
        ref={ref}
        id={id}
        type="text"
        role="combobox"
        dir="auto"
        autoComplete="off"
        maxLength={LIMITS.name}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && matches[active] ? optionId(active) : undefined}
        aria-invalid={Boolean(error)}
        aria-required
        aria-describedby={describedBy}
        value={text}
        placeholder={t('delegation.searchPerson')}
        onChange={(e) => {
          cancelClose();
          setText(e.target.value);
          setTyped(e.target.value);
          setOpen(true);
          if (value) onChange(undefined);
        }}
        onFocus={() => {
          cancelClose();
          setOpen(!value);
        }}
        onClick={() => setOpen(true)}
        // Later, so that a click on an option lands first; cancelled if the field is back in focus by then
        // (the list must not close under someone already typing the next name).
        onBlur={() => {
          cancelClose();
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {value ? details(value) || t('delegation.chosen') : t('delegation.searchHint')}
      </p>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="listbox-panel" hidden={!open || !search.data}>
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="listbox" hidden={matches.length === 0}>
          {matches.map((person, i) => (
            <li
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}
              onMouseEnter={() => setActiveId(person.id)}
            >
              <bdi className="option-name">{personName(person)}</bdi>
              {details(person) && (
                <small className="muted">
                  <bdi>{details(person)}</bdi>
                </small>
              )}
            </li>
          ))}
        </ul>
        {search.data && (
          <p className="listbox-footer muted small" aria-live="polite">
            {search.data.total === 0
              ? t('delegation.noMatch')
              : search.data.total > matches.length
                ? t('delegation.moreMatches', {
                    count: search.data.total,
                    shown: formatNumber(matches.length, i18n.language),
                    total: formatNumber(search.data.total, i18n.language),
                  })
                : t('delegation.matches', { count: search.data.total, shown: formatNumber(search.data.total, i18n.language) })}
          </p>
        )}
      </div>
    </div>
  );
});
