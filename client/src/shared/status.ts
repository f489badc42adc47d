import type { MapStatus } from '../../../schemas/enums.ts';
import { mapStatuses } from '../../../schemas/vocabulary.ts';

/**
 * The progress statuses the API returns, with their Dutch words, a colour from the Okabe–Ito
 * palette (safe for the common colour-vision deficiencies) and a shape, so colour is never the
 * only cue: the shape and the words say the same.
 */
export type Status = MapStatus;

export interface StatusStyle {
  label: string;
  /** Fill colour on the map and behind the icon; black text on it passes WCAG AA. */
  colour: string;
  /** A shape character shown in badges and the legend. */
  icon: string;
  /** One line for the legend. */
  description: string;
}

/** Best first, as the server ranks them (schemas/vocabulary.ts). */
export const STATUS_ORDER: readonly Status[] = mapStatuses;

export const STATUS_STYLES: Record<Status, StatusStyle> = {
  behaald: { label: 'Behaald', colour: '#009E73', icon: '✔', description: 'de streefwaarde is bereikt' },
  op_schema: { label: 'Op schema', colour: '#56B4E9', icon: '●', description: 'op weg naar de streefwaarde' },
  versnelling_nodig: {
    label: 'Versnelling nodig',
    colour: '#F0E442',
    icon: '▲',
    description: 'vooruitgang, maar te langzaam',
  },
  beperkte_vooruitgang: {
    label: 'Beperkte vooruitgang',
    colour: '#E69F00',
    icon: '◆',
    description: 'weinig vooruitgang',
  },
  verslechtering: {
    label: 'Verslechtering',
    colour: '#D55E00',
    icon: '▼',
    description: 'de verkeerde kant op',
  },
  onzeker: {
    label: 'Onzeker',
    colour: '#CC79A7',
    icon: '?',
    description: 'afronding laat twee oordelen toe',
  },
  onvoldoende_gegevens: {
    label: 'Onvoldoende gegevens',
    colour: '#D9D9D9',
    icon: '–',
    description: 'minder dan twee metingen',
  },
  geen_streefwaarde: {
    label: 'Geen streefwaarde',
    colour: '#FFFFFF',
    icon: '○',
    description: 'alleen gevolgd, geen doel',
  },
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && value in STATUS_STYLES;
}

/** Any status string from the API mapped onto a known one; unknown words count as "onvoldoende gegevens". */
export function toStatus(value: unknown): Status {
  if (isStatus(value)) return value;
  if (typeof value === 'string') {
    const normal = value.toLowerCase().replace(/[\s-]+/g, '_');
    if (isStatus(normal)) return normal;
    if (normal.startsWith('vooruitgang')) return 'versnelling_nodig';
  }
  return 'onvoldoende_gegevens';
}
