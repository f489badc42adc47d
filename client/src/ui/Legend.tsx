import { PATTERN_CSS } from '../map/mapPatterns.ts';
import { STATUS_LEGEND, type ValueScale, valueLegend } from '../shared/colourScale.ts';
import { formatValue } from '../shared/format.ts';
import type { Status } from '../shared/status.ts';

interface LegendProps {
  mode: 'waarde' | 'voortgang';
  /** The very scale object the map coloured with. */
  scale: ValueScale;
  unit: string;
  decimals: number;
  title: string;
  /** Statuses that occur on the map; the legend lists only those (plus the patterns). */
  statuses?: Status[];
}

/** The map's legend, drawn from the same scale object as the map, with the two no-colour patterns. */
export function Legend({ mode, scale, unit, decimals, title, statuses }: LegendProps) {
  return (
    <figure className="legend" aria-label={`Legenda: ${title}`}>
      <figcaption className="legend__title">{title}</figcaption>
      <ul className="legend__list">
        {mode === 'waarde'
          ? valueLegend(scale).map((step) => (
              <li key={step.colour}>
                <span className="legend__swatch" style={{ background: step.colour }} aria-hidden="true" />
                {formatValue(step.from, unit, decimals)} tot {formatValue(step.to, unit, decimals)}
              </li>
            ))
          : STATUS_LEGEND.filter((s) => !statuses || statuses.includes(s.status)).map((s) => (
              <li key={s.status}>
                <span
                  className="legend__swatch legend__swatch--icon"
                  style={{ background: s.colour }}
                  aria-hidden="true"
                >
                  {s.icon}
                </span>
                {s.label}
              </li>
            ))}
        <li>
          <span
            className="legend__swatch"
            style={{ background: PATTERN_CSS['patroon-geen'] }}
            aria-hidden="true"
          />
          Geen gegevens (schuine arcering)
        </li>
        <li>
          <span
            className="legend__swatch"
            style={{ background: PATTERN_CSS['patroon-geheim'] }}
            aria-hidden="true"
          />
          Geheim / te klein (kruisarcering)
        </li>
      </ul>
    </figure>
  );
}
