// The few scale functions the client draws with: a linear scale with nice ends and round ticks,
// a quantize scale (five colour classes) and an SVG polyline. d3-scale and d3-shape bring about
// 20 KB (gzip) into every first visit for these; the tick rule below is d3-array's (ISC licence),
// so the classes, ends and ticks are the ones d3 gave.

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** Round tick positions between start and stop (start ≤ stop) as [first, last, increment]. */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    // A negative increment means "divide by -inc": exact for decimal steps such as 0,1.
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values from start to stop, both ends included when round. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  if (stop < start) return ticks(stop, start, count).reverse();
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  return Array.from({ length: i2 - i1 + 1 }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
}

/** The domain widened to round ends, as d3's scale.nice(count) does (unchanged if that never settles). */
export function niceDomain(domain: readonly [number, number], count = 10): [number, number] {
  if (domain[1] < domain[0]) return niceDomain([domain[1], domain[0]], count).reverse() as [number, number];
  let [start, stop] = domain;
  let previous: number | undefined;
  for (let i = 0; i < 10; i++) {
    const step = tickSpec(start, stop, count)[2];
    if (step === previous) return [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    previous = step;
  }
  return [domain[0], domain[1]];
}

export interface LinearScale {
  (value: number): number;
  domain: () => [number, number];
  ticks: (count?: number) => number[];
}

/** Maps the domain linearly onto the range; a domain of one value maps to the middle of the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: { nice?: boolean } = {},
): LinearScale {
  const [d0, d1] = options.nice ? niceDomain(domain) : domain;
  const [r0, r1] = range;
  const width = d1 - d0;
  const scale = ((value: number) => r0 + (width ? (value - d0) / width : 0.5) * (r1 - r0)) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.ticks = (count = 10) => ticks(d0, d1, count);
  return scale;
}

export interface QuantizeScale<T> {
  (value: number): T;
  domain: () => [number, number];
  range: () => T[];
  /** The values that get this class: [from, to]. */
  invertExtent: (item: T) => [number, number];
}

/** Divides the domain into equal parts, one per item of the range. */
export function quantizeScale<T>(domain: readonly [number, number], range: readonly T[]): QuantizeScale<T> {
  const [x0, x1] = domain;
  const n = range.length - 1;
  const thresholds = Array.from({ length: n }, (_, i) => ((i + 1) * x1 - (i - n) * x0) / (n + 1));
  const scale = ((value: number) => {
    let i = 0;
    while (i < n && thresholds[i]! <= value) i++;
    return range[i]!;
  }) as QuantizeScale<T>;
  scale.domain = () => [x0, x1];
  scale.range = () => [...range];
  scale.invertExtent = (item) => {
    const i = range.indexOf(item);
    if (i < 0) return [Number.NaN, Number.NaN];
    return [i < 1 ? x0 : thresholds[i - 1]!, i >= n ? x1 : thresholds[i]!];
  };
  return scale;
}

/** An SVG path through the points in order ("M x,y L x,y …"); null without points. */
export function polyline(points: ReadonlyArray<readonly [number, number]>): string | null {
  if (points.length === 0) return null;
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join('');
}
