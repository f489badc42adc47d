import { useMemo, useState } from 'react';
import { type SortKey, sortValues } from '../map/layerPaint.ts';
import { PATTERN_CSS } from '../map/mapPatterns.ts';
import { formatNumber, formatValue } from '../shared/format.ts';
import type { LayerValue } from '../shared/model.ts';
import { Link } from '../shared/router.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface AreaTableProps {
  caption: string;
  values: LayerValue[];
  unit: string;
  decimals: number;
  colourOf: (value: LayerValue) => string | null;
  selected: string | null;
  onSelect: (code: string) => void;
  showStatus: boolean;
  /** The names' alphabetical order (nameOrder), made once per set of areas rather than per sort. */
  order?: Map<string, number>;
}

/**
 * The map view as a sortable table: every area with its value and status, and a button that
 * selects the area exactly as a click on the map does, so the map is usable by keyboard alone.
 */
export function AreaTable({
  caption,
  values,
  unit,
  decimals,
  colourOf,
  selected,
  onSelect,
  showStatus,
  order,
}: AreaTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'naam', ascending: true });
  const [showAll, setShowAll] = useState(false);
  // Sorted once per new layer or sort order, not on every render of the page around it.
  const sorted = useMemo(
    () => sortValues(values, sort.key, sort.ascending, order),
    [values, sort.key, sort.ascending, order],
  );
  // A national layer has thousands of areas: show the first hundred (and the chosen one) until asked.
  const capped = !showAll && sorted.length > 150;
  const rows = capped
    ? [...sorted.slice(0, 100), ...sorted.slice(100).filter((v) => v.code === selected)]
    : sorted;
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : key === 'naam' })}
        >
          {label}
          <span aria-hidden="true" className="sort-button__arrow">
            {active ? (sort.ascending ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="data-table area-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('naam', 'Gebied')}
            {header('waarde', 'Waarde')}
            {showStatus && header('status', 'Voortgang')}
            <th scope="col">
              <span className="visually-hidden">Acties</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const colour = colourOf(v);
            const pattern = v.geheim
              ? PATTERN_CSS['patroon-geheim']
              : v.waarde === null
                ? PATTERN_CSS['patroon-geen']
                : null;
            const isSelected = v.code === selected;
            return (
              <tr
                key={v.code}
                className={
                  [isSelected && 'is-selected', v.waarde === null && !v.geheim && 'is-empty']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              >
                <th scope="row">
                  <span
                    className="swatch"
                    style={{ background: pattern ?? colour ?? 'transparent' }}
                    aria-hidden="true"
                  />
                  <Link href={`/gebied/${v.code}`}>{v.naam || v.code}</Link>
                </th>
                <td className="num">
                  {v.geheim ? (
                    <span title={v.reden ?? undefined}>geheim / te klein</span>
                  ) : (
                    formatValue(v.waarde, unit, decimals)
                  )}
                </td>
                {showStatus && (
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={isSelected}
                    onClick={() => onSelect(v.code)}
                  >
                    Kies<span className="visually-hidden"> {v.naam || v.code} op de kaart</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {capped && (
        <button type="button" className="button button--secondary show-all" onClick={() => setShowAll(true)}>
          Toon alle {formatNumber(sorted.length)} gebieden
        </button>
      )}
    </div>
  );
}
