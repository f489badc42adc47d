import { sql, type Transaction } from 'kysely';
import { copyFromStdin } from '../db/copyFromStdin.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';
import type { ParsedObservation } from './observationRow.ts';

type StagedObservation = ParsedObservation & { vintage: number };

// The rows of one write, in a temporary table of the import's transaction (decision 0111): loaded
// by COPY, which both databases read far faster than parameters, then merged into observations by
// set-based statements. The table is dropped at commit; a failed or killed import leaves nothing.

/** The observation columns a file provides, in the order of the staging table and its COPY data. */
export const STAGED_COLUMNS = [
  'indicator_id',
  'area_code',
  'vintage',
  'period',
  'year',
  'value',
  'numerator',
  'denominator',
  'provisional',
  'confidential',
  'value_rounding',
  'count_rounding',
  'source',
  'flags',
  'interval_low',
  'interval_high',
] as const;

/** The figures whose change makes a correction (with history); `year` follows the period. */
const FIGURES = [
  'value',
  'numerator',
  'denominator',
  'provisional',
  'confidential',
  'value_rounding',
  'count_rounding',
  'source',
  'flags',
  'interval_low',
  'interval_high',
] as const;

/** Staged row `s` and stored row `o` are the same observation. */
export const sameKey = sql.raw(
  ['indicator_id', 'area_code', 'vintage', 'period']
    .map((column) => `o.${column} = s.${column}`)
    .join(' and '),
);

/** Staged row `s` has other figures than stored row `o` (nulls compare as values). */
export const changedFigures = sql.raw(
  `(${FIGURES.map((column) => `o.${column}`).join(', ')}) is distinct from (${FIGURES.map((column) => `s.${column}`).join(', ')})`,
);

const NULL = '\\N';
const RESERVED = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Text in COPY's text format: backslash escapes for the characters it reserves. */
const text = (value: string) =>
  RESERVED.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
const optionalText = (value: string | null | undefined) => (value == null ? NULL : text(value));
/** A double as its shortest round-trip text, which float8 reads back to the same value. */
const number = (value: number | null | undefined) => (value == null ? NULL : String(value));
const boolean = (value: boolean) => (value ? 't' : 'f');

/** One row as a line of COPY text, in the order of STAGED_COLUMNS. */
function copyLine(row: StagedObservation): string {
  return `${text(row.indicatorId)}\t${text(row.areaCode)}\t${row.vintage}\t${text(row.period)}\t${row.year}\t${number(row.value)}\t${number(row.numerator)}\t${number(row.denominator)}\t${boolean(row.provisional)}\t${boolean(row.confidential)}\t${number(row.valueRounding)}\t${number(row.countRounding)}\t${text(row.source)}\t${optionalText(row.flags)}\t${number(row.intervalLow)}\t${number(row.intervalHigh)}\n`;
}

const LINES_PER_CHUNK = 2000;

/** The rows as COPY text, in chunks of whole lines. */
export function copyChunks(rows: readonly StagedObservation[]): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += LINES_PER_CHUNK) {
    let chunk = '';
    for (const row of rows.slice(start, start + LINES_PER_CHUNK)) chunk += copyLine(row);
    chunks.push(chunk);
  }
  return chunks;
}

/** (Re)creates `observations_staging` in the caller's transaction and copies the rows into it. */
export async function stageObservations(
  trx: Db | Transaction<Database>,
  rows: readonly StagedObservation[],
): Promise<void> {
  // A caller's transaction can write several files (the online loader), so a table may be left.
  await sql`drop table if exists observations_staging`.execute(trx);
  await sql`
    create temporary table observations_staging on commit drop as
    select ${sql.raw(STAGED_COLUMNS.join(', '))} from observations with no data`.execute(trx);
  await copyFromStdin(
    trx,
    `copy observations_staging (${STAGED_COLUMNS.join(', ')}) from stdin`,
    copyChunks(rows),
  );
  // The planner's row estimate for the joins that follow (a temporary table has no statistics).
  await sql`analyze observations_staging`.execute(trx);
}
