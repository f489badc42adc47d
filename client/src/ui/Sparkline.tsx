import type { Point } from '../shared/model.ts';
import { linearScale, polyline } from '../shared/scales.ts';

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
  const x = linearScale(
    [Math.min(...years), Math.max(...years) + (years.length === 1 ? 1 : 0)],
    [3, width - 3],
  );
  const y = linearScale([Math.min(...values), Math.max(...values)], [height - 3, 3], { nice: true });
  const path = polyline(points.map((p) => [x(p.jaar), y(p.waarde)]));
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
