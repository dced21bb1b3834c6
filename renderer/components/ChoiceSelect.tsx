import { useEffect, useRef, useState } from 'react';

/** How long a select waits after the last arrow key before it saves: one save per choice, not per key. */
const SETTLE_MS = 600;

/**
 * A select in a row that saves what was chosen once: the keyboard's arrow keys go through the
 * choices without saving each one; the choice is saved when they pause, or when focus leaves.
 */
export function ChoiceSelect<T extends string>({
  label,
  value,
  list,
  labelOf,
  save,
}: {
  label: string;
  value: T;
  list: readonly T[];
  labelOf(value: T): string;
  save(value: T): Promise<unknown>;
}) {
  const [chosen, setChosen] = useState(value);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ chosen, value, save });
  latest.current = { chosen, value, save };
  useEffect(() => setChosen(value), [value]);

  const flush = () => {
    clearTimeout(pending.current);
    pending.current = undefined;
    const { chosen: next, value: saved, save: write } = latest.current;
    if (next !== saved) void write(next).catch(() => setChosen(saved));
  };
  useEffect(() => () => (pending.current ? flush() : undefined), []);

  return (
    <>
      <select
        aria-label={label}
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value as T);
          clearTimeout(pending.current);
          pending.current = setTimeout(flush, SETTLE_MS);
        }}
        onBlur={() => pending.current && flush()}
      >
        {list.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
      <span className="print-only">{labelOf(chosen)}</span>
    </>
  );
}

