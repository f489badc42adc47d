import { useId, useMemo, useState } from 'react';
import type { Gebied } from '../shared/model.ts';
import { searchAreas } from './areaSearch.ts';

const LEVEL: Record<string, string> = {
  buurt: 'buurt',
  wijk: 'wijk',
  gemeente: 'gemeente',
  programmagebied: 'programmagebied',
};

interface AreaComboboxProps {
  areas: Gebied[];
  onChoose: (area: Gebied) => void;
  label?: string;
}

/**
 * Find an area by typing its name: an ARIA 1.2 combobox with a listbox popup. Arrow keys move
 * through the options, Enter chooses, Escape closes; focus stays in the text field throughout.
 */
export function AreaCombobox({ areas, onChoose, label = 'Zoek een buurt of wijk' }: AreaComboboxProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(() => searchAreas(areas, text), [areas, text]);
  const listId = `${id}-opties`;
  const optionId = (i: number) => `${id}-optie-${i}`;

  const choose = (area: Gebied | undefined) => {
    if (!area) return;
    setText(area.naam);
    setOpen(false);
    setActive(-1);
    onChoose(area);
  };

  return (
    <div className="combobox">
      <label htmlFor={`${id}-invoer`} className="field__label">
        {label}
      </label>
      <input
        id={`${id}-invoer`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={text}
        placeholder="bijv. Prinsenhof"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => text && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            if (open && options.length > 0) {
              e.preventDefault();
              choose(options[Math.max(active, 0)]);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Gevonden gebieden"
        className="combobox__list"
        hidden={!open || options.length === 0}
      >
        {options.map((area, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled in the text field, which keeps focus (aria-activedescendant)
          <div
            key={`${area.code}-${area.indeling}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`combobox__option${i === active ? ' is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(area)}
          >
            <span>{area.naam}</span>
            <span className="combobox__meta">
              {LEVEL[area.niveau] ?? area.niveau} · {area.code}
            </span>
          </div>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {open && text ? `${options.length} gebieden gevonden` : ''}
      </p>
    </div>
  );
}
