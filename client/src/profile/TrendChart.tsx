import { formatNumber, formatValue } from '../shared/format.ts';
import type { Point, TargetProgress } from '../shared/model.ts';
import { linearScale, polyline } from '../shared/scales.ts';

interface TrendChartProps {
  title: string;
  unit: string;
  decimals: number;
  /** Observed values of the area. */
  observed: Point[];
  /** The gemeente's values, for reference. */
  reference?: Point[];
  referenceLabel?: string;
  /** Targets of this indicator in this area (10 and/or 20 years). */
  targets: TargetProgress[];
}

const W = 600;
const H = 240;
const M = { top: 16, right: 20, bottom: 30, left: 56 };

/**
 * Observed values, the baseline and the straight path the plan needs from the baseline to each
 * target, in one SVG. The path is what "op schema" is measured against.
 */
export function TrendChart({
  title,
  unit,
  decimals,
  observed,
  reference = [],
  referenceLabel,
  targets,
}: TrendChartProps) {
  const base = targets.find((t) => t.basisJaar != null && t.basisWaarde != null);
  // A reference-level target is judged against the reference area's current level, so the path
  // runs there; the plan's fixed number stays visible as an open marker.
  const judgedLevel = (t: TargetProgress) =>
    t.soort === 'referentieniveau' && t.referentieNu != null ? t.referentieNu : t.streefwaarde;
  const targetPoints = targets
    .filter((t) => t.doeljaar != null && judgedLevel(t) != null)
    .map((t) => ({
      jaar: t.doeljaar!,
      waarde: judgedLevel(t)!,
      horizon: t.horizon,
      referentie: t.soort === 'referentieniveau' && t.referentieNu != null,
    }));
  const planPoints = targets
    .filter((t) => t.soort === 'referentieniveau' && t.referentieNu != null && t.doeljaar != null)
    .filter((t) => t.streefwaarde != null)
    .map((t) => ({ jaar: t.doeljaar!, waarde: t.streefwaarde!, horizon: t.horizon }));
  const basePoint = base ? { jaar: base.basisJaar!, waarde: base.basisWaarde! } : null;
  const allPoints = [
    ...observed,
    ...reference,
    ...targetPoints,
    ...planPoints,
    ...(basePoint ? [basePoint] : []),
  ];
  if (allPoints.length === 0) {
    return <p className="muted">Geen metingen of streefwaarden om te tekenen.</p>;
  }
  const years = allPoints.map((p) => p.jaar);
  const values = allPoints.map((p) => p.waarde);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years, minYear + 1);
  const x = linearScale([minYear, maxYear], [M.left, W - M.right]);
  const lo = Math.min(...values, 0);
  const y = linearScale([lo, Math.max(...values) * 1.08 || 1], [H - M.bottom, M.top], { nice: true });
  const path = (points: Point[]) => polyline(points.map((p) => [x(p.jaar), y(p.waarde)]));
  const yearTicks = x.ticks(Math.min(8, maxYear - minYear)).filter((t) => Number.isInteger(t));
  const valueTicks = y.ticks(5);
  const summary = [
    observed.length
      ? `Gemeten: ${observed.map((p) => `${p.jaar} ${formatValue(p.waarde, unit, decimals)}`).join(', ')}`
      : 'Geen metingen',
    basePoint ? `Basis ${basePoint.jaar}: ${formatValue(basePoint.waarde, unit, decimals)}` : '',
    ...targetPoints.map((t) =>
      t.referentie
        ? `Doel ${t.horizon} jaar (${t.jaar}): het niveau van ${referenceLabel ?? 'het referentiegebied'}, nu ${formatValue(t.waarde, unit, decimals)}`
        : `Doel ${t.horizon} jaar (${t.jaar}): ${formatValue(t.waarde, unit, decimals)}`,
    ),
    ...planPoints.map((t) => `Plangetal ${t.horizon} jaar: ${formatValue(t.waarde, unit, decimals)}`),
  ]
    .filter(Boolean)
    .join('. ');

  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`} className="trend__svg">
        <g className="trend__grid">
          {valueTicks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
              <text x={M.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                {formatNumber(v, Number.isInteger(v) ? 0 : decimals)}
                {unit === '%' ? '%' : ''}
              </text>
            </g>
          ))}
          {yearTicks.map((t) => (
            <text key={t} x={x(t)} y={H - M.bottom + 18} textAnchor="middle">
              {t}
            </text>
          ))}
        </g>
        {reference.length > 0 && <path d={path(reference) ?? ''} className="trend__reference" />}
        {basePoint &&
          targetPoints.map((t) => (
            <path
              key={t.horizon}
              d={path([basePoint, t]) ?? ''}
              className={`trend__path trend__path--${t.horizon}`}
            />
          ))}
        {observed.length > 0 && <path d={path(observed) ?? ''} className="trend__observed" />}
        {observed.map((p) => (
          <circle key={p.jaar} cx={x(p.jaar)} cy={y(p.waarde)} r={4} className="trend__dot" />
        ))}
        {basePoint && (
          <rect
            x={x(basePoint.jaar) - 5}
            y={y(basePoint.waarde) - 5}
            width={10}
            height={10}
            className="trend__base"
          />
        )}
        {targetPoints.map((t) => (
          <path
            key={t.horizon}
            d={`M${x(t.jaar)},${y(t.waarde) - 7}l7,7l-7,7l-7,-7z`}
            className={`trend__target trend__target--${t.horizon}`}
          />
        ))}
        {planPoints.map((t) => (
          <path
            key={`plan-${t.horizon}`}
            d={`M${x(t.jaar)},${y(t.waarde) - 6}l6,6l-6,6l-6,-6z`}
            className="trend__plan"
          />
        ))}
      </svg>
      <figcaption className="trend__legend">
        <span>
          <span className="key key--observed" aria-hidden="true" /> gemeten
        </span>
        {reference.length > 0 && (
          <span>
            <span className="key key--reference" aria-hidden="true" /> {referenceLabel ?? 'gemeente'}
          </span>
        )}
        {basePoint && (
          <span>
            <span className="key key--base" aria-hidden="true" /> basis
          </span>
        )}
        {targetPoints.length > 0 && (
          <span>
            <span className="key key--path" aria-hidden="true" /> benodigd pad ·{' '}
            <span className="key key--target" aria-hidden="true" /> doel
          </span>
        )}
        {planPoints.length > 0 && (
          <span>
            <span className="key key--plan" aria-hidden="true" /> plangetal
          </span>
        )}
      </figcaption>
    </figure>
  );
}
