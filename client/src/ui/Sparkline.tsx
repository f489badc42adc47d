import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Point } from '../shared/model.ts';

interface SparklineProps {
  points: Point[];
  target?: number | null;
  label: string;
  width?: number;
  height?: number;
}

/** A small trend line; the target, when known, as a dashed line. Labelled for screen readers. */
export function Sparkline({ points, target, label, width = 96, height = 28 }: SparklineProps) {
  if (points.length === 0) {
    return (
      <span className="sparkline sparkline--empty" role="img" aria-label={`${label}: geen reeks`}>
        geen reeks
      </span>
    );
  }
  const values = points.map((p) => p.waarde).concat(target == null ? [] : [target]);
  const years = points.map((p) => p.jaar);
  const x = scaleLinear()
    .domain([Math.min(...years), Math.max(...years) + (years.length === 1 ? 1 : 0)])
    .range([3, width - 3]);
  const y = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .nice()
    .range([height - 3, 3]);
  const path = line<Point>()
    .x((p) => x(p.jaar))
    .y((p) => y(p.waarde))(points);
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      {target != null && (
        <line x1={0} x2={width} y1={y(target)} y2={y(target)} className="sparkline__target" />
      )}
      {path && <path d={path} className="sparkline__line" />}
      {points.map((p) => (
        <circle key={p.jaar} cx={x(p.jaar)} cy={y(p.waarde)} r={2.2} className="sparkline__dot" />
      ))}
    </svg>
  );
}
