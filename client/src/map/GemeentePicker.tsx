import { useAreas, useTileSet } from '../shared/queries.ts';

interface GemeentePickerProps {
  gemeente: string | null;
  indeling: number | null;
  niveau: string;
  onChange: (gemeente: string | null) => void;
}

/** "Heel Nederland" or one gemeente of the tiles of this indeling (the map filters, it loads nothing new). */
export function GemeentePicker({ gemeente, indeling, niveau, onChange }: GemeentePickerProps) {
  const tileSet = useTileSet(indeling, niveau);
  const named = useAreas('gemeente', null, indeling);
  const names = new Map((named.data ?? []).map((g) => [g.code, g.naam]));
  const codes = Object.keys(tileSet.data?.gemeenten ?? {});
  if (gemeente && !codes.includes(gemeente)) codes.push(gemeente);
  const options = codes
    .map((code) => ({ code, naam: names.get(code) ?? code }))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <label className="field">
      <span className="field__label">Gebied</span>
      <select value={gemeente ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Heel Nederland</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.naam}
          </option>
        ))}
      </select>
    </label>
  );
}
