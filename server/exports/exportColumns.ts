import type { AreaLevel } from '../../schemas/enums.ts';
import type { Flag } from '../../schemas/observations.ts';
import { type CsvDialect, formatNumber, neutraliseFormula } from './csvDialect.ts';

/** One tidy row: one area × indicator × period, with its target and status when it has one. */
export interface ExportRow {
  gebiedscode: string;
  gebiedsnaam: string;
  niveau: AreaLevel;
  indeling: number;
  indicator: string;
  indicatornaam: string;
  eenheid: string;
  periode: string;
  waarde: number | null;
  teller: number | null;
  noemer: number | null;
  vlaggen: Flag[];
  geheim: string | null;
  bron: string;
  bronvlaggen: string | null;
  ondergrens95: number | null;
  bovengrens95: number | null;
  programma: string | null;
  horizon: number | null;
  streefjaar: number | null;
  soortStreefwaarde: string | null;
  streefwaarde: number | null;
  referentiegebied: string | null;
  basisjaar: number | null;
  basiswaarde: number | null;
  status: string | null;
  statuslabel: string | null;
  score: number | null;
  /** "onzeker": the status at the most and at the least favourable end of the rounding intervals. */
  statusGunstig: string | null;
  statusOngunstig: string | null;
  /** referentieniveau: the plan's own number read as an absolute target (the second reading). */
  planStatus: string | null;
  planStatuslabel: string | null;
  planScore: number | null;
  voortgangsmaat: number | null;
  cagrGemeten: number | null;
  cagrVereist: number | null;
  aandeelVanDeWeg: number | null;
  verwachteWaarde: number | null;
  referentiewaarde: number | null;
}

type Kind = 'text' | 'number';

/** Column order and kind; the header names are the keys, documented in the API reference. */
export const EXPORT_COLUMNS: ReadonlyArray<readonly [keyof ExportRow, Kind]> = [
  ['gebiedscode', 'text'],
  ['gebiedsnaam', 'text'],
  ['niveau', 'text'],
  ['indeling', 'number'],
  ['indicator', 'text'],
  ['indicatornaam', 'text'],
  ['eenheid', 'text'],
  ['periode', 'text'],
  ['waarde', 'number'],
  ['teller', 'number'],
  ['noemer', 'number'],
  ['vlaggen', 'text'],
  ['geheim', 'text'],
  ['bron', 'text'],
  ['bronvlaggen', 'text'],
  ['ondergrens95', 'number'],
  ['bovengrens95', 'number'],
  ['programma', 'text'],
  ['horizon', 'number'],
  ['streefjaar', 'number'],
  ['soortStreefwaarde', 'text'],
  ['streefwaarde', 'number'],
  ['referentiegebied', 'text'],
  ['basisjaar', 'number'],
  ['basiswaarde', 'number'],
  ['status', 'text'],
  ['statuslabel', 'text'],
  ['score', 'number'],
  ['statusGunstig', 'text'],
  ['statusOngunstig', 'text'],
  ['planStatus', 'text'],
  ['planStatuslabel', 'text'],
  ['planScore', 'number'],
  ['voortgangsmaat', 'number'],
  ['cagrGemeten', 'number'],
  ['cagrVereist', 'number'],
  ['aandeelVanDeWeg', 'number'],
  ['verwachteWaarde', 'number'],
  ['referentiewaarde', 'number'],
];

export const EXPORT_HEADER = EXPORT_COLUMNS.map(([name]) => name);

/** The columns an observation fills; the rest (from `programma`) come from its target, if any. */
export const OBSERVATION_COLUMN_COUNT = EXPORT_COLUMNS.findIndex(([name]) => name === 'programma');
export const OBSERVATION_COLUMNS = EXPORT_COLUMNS.slice(0, OBSERVATION_COLUMN_COUNT);
export const TARGET_COLUMNS = EXPORT_COLUMNS.slice(OBSERVATION_COLUMN_COUNT);

/** One cell: numbers in the dialect's notation, text neutralised against formulas. */
function cellOf(value: unknown, kind: Kind, dialect: CsvDialect): string {
  if (kind === 'number') return formatNumber(value as number | null, dialect);
  if (Array.isArray(value)) return value.join('|');
  return neutraliseFormula(value == null ? null : String(value));
}

/** The given columns of a row as CSV cells. */
export function toCsvCells(
  row: Partial<ExportRow>,
  dialect: CsvDialect,
  columns: ReadonlyArray<readonly [keyof ExportRow, Kind]> = EXPORT_COLUMNS,
): string[] {
  return columns.map(([name, kind]) => cellOf(row[name], kind, dialect));
}
