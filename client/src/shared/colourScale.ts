import { niceDomain, type QuantizeScale, quantizeScale } from './scales.ts';
import { STATUS_ORDER, STATUS_STYLES, type Status } from './status.ts';

/** How many classes a value map has: few enough to tell apart, enough to show a gradient. */
export const VALUE_CLASSES = 5;

/**
 * Five steps of viridis, reversed so that more is darker on the light map background; viridis is
 * perceptually uniform and readable with every common colour-vision deficiency. We leave out its
 * palest yellow end, which vanishes against the background.
 */
// d3-scale-chromatic's interpolateViridis at 0,92 − i/4 × 0,82 (i = 0…4), written out so the
// client does not carry the whole colour-scheme library for five colours.
export const VALUE_COLOURS: string[] = ['#cae11f', '#4cc26c', '#20928c', '#34618d', '#482475'];

export type ValueScale = QuantizeScale<string>;

/**
 * The one scale object both the map and its legend use: a quantize scale over the nice-rounded
 * range of the values shown. With no finite values it still returns a scale (over 0–1) so the
 * legend can say "geen gegevens" without special cases everywhere.
 */
export function valueScale(values: Array<number | null | undefined>): ValueScale {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let min = finite.length ? Math.min(...finite) : 0;
  let max = finite.length ? Math.max(...finite) : 1;
  if (min === max) {
    // One distinct value: widen a little so the scale has a width and the value falls in the middle class.
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  return quantizeScale(niceDomain([min, max], VALUE_CLASSES), VALUE_COLOURS);
}

export interface LegendStep {
  colour: string;
  from: number;
  to: number;
}

/** The legend's steps, read from the scale itself so legend and map cannot disagree. */
export function valueLegend(scale: ValueScale): LegendStep[] {
  return scale.range().map((colour) => {
    const [from, to] = scale.invertExtent(colour);
    return { colour, from: from ?? Number.NaN, to: to ?? Number.NaN };
  });
}

/** The status palette as an ordinal mapping; the map expression and the legend both read it. */
export function statusColour(status: Status): string {
  return STATUS_STYLES[status].colour;
}

export const STATUS_LEGEND = STATUS_ORDER.map((status) => ({ status, ...STATUS_STYLES[status] }));

/** Relative luminance (WCAG 2) of a #rrggbb or rgb() colour, used to pick black or white text. */
export function luminance(colour: string): number {
  const rgb = parseColour(colour);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the given fill. */
export function textOn(fill: string): '#000000' | '#ffffff' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

function parseColour(colour: string): [number, number, number] {
  const hex = colour.match(/^#([0-9a-f]{6})$/i);
  if (hex) {
    const n = Number.parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = colour.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Onbekende kleur: ${colour}`);
}
