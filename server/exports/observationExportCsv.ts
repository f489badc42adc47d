import type { Db } from '../db/createDatabase.ts';
import { type DisclosureRule, discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { findIndicators } from '../indicators/indicatorsRepository.ts';
import type { ObservationFilters } from '../observations/observationsRepository.ts';
import { flagsOf, intervalOf } from '../observations/publishObservation.ts';
import type { CsvDialect } from './csvDialect.ts';
import { RECORD_END, recordJoiner } from './csvText.ts';
import { type ExportRow, OBSERVATION_COLUMNS, TARGET_COLUMNS, toCsvCells } from './exportColumns.ts';
import { type ExportObservation, exportObservationsInOrder } from './observationRowsInOrder.ts';
import { loadProgrammeAreaRows, withProgrammeAreaRows } from './programmeAreaRows.ts';
import { BASELINE_STATUS, type TargetForRow, type TargetLookup } from './targetLookup.ts';

/** Rounds to a number of decimals; null stays null. */
const roundTo = (value: number | null | undefined, decimals: number): number | null =>
  value == null || !Number.isFinite(value) ? null : Number(value.toFixed(decimals));

/** Growth rates (fractions per year) and ratios get a fixed precision; values that of the indicator. */
const RATE_DECIMALS = 4;
const RATIO_DECIMALS = 3;

/**
 * The tidy export as CSV text, one string per batch of database rows, each observation disclosed
 * through the one disclosure function. An observation of an area with targets gives one record per
 * horizon (the `horizon` column tells them apart), each with the programme's target, status, the
 * plan's reading and both ends of an "onzeker" reading; other observations give one record with
 * those cells empty — the same text for every such row, made once. Programme areas get rows of
 * their members' summed figures (programmeAreaRows.ts) among the stored ones.
 */
export async function* observationExportCsv(
  db: Db,
  filters: ObservationFilters,
  options: {
    canStream: boolean;
    targets: TargetLookup | null;
    dialect: CsvDialect;
    batchSize?: number;
  },
): AsyncGenerator<string> {
  const { dialect } = options;
  const join = recordJoiner(dialect);
  const indicators = new Map((await findIndicators(db)).map((row) => [row.id, row]));
  const rules = new Map([...indicators].map(([id, row]) => [id, disclosureRuleOf(row)]));
  const noRule = disclosureRuleOf(null);
  const noTargetTail = dialect.delimiter + join(TARGET_COLUMNS.map(() => ''));
  const summed = await loadProgrammeAreaRows(db, filters);
  for await (const batch of withProgrammeAreaRows(exportObservationsInOrder(db, filters, options), summed)) {
    let text = '';
    for (const row of batch) {
      const indicator = indicators.get(row.indicator_id);
      const head = join(
        toCsvCells(
          observationPart(row, indicator, rules.get(row.indicator_id) ?? noRule),
          dialect,
          OBSERVATION_COLUMNS,
        ),
      );
      const targets = options.targets?.(row.indicator_id, row.area_code, row.vintage, row.year) ?? [];
      if (targets.length === 0) {
        text += head + noTargetTail + RECORD_END;
        continue;
      }
      const decimals = indicator?.decimals ?? 1;
      for (const target of targets) {
        text += `${head}${dialect.delimiter}${join(toCsvCells(targetPart(target, decimals), dialect, TARGET_COLUMNS))}${RECORD_END}`;
      }
    }
    yield text;
  }
}

type IndicatorRow = Awaited<ReturnType<typeof findIndicators>>[number];

function observationPart(row: ExportObservation, indicator: IndicatorRow | undefined, rule: DisclosureRule) {
  // Only the fields disclosure looks at: copying all nineteen per row would cost more than the rule.
  const disclosed = discloseObservation(rule, {
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    confidential: row.confidential,
    withheld: row.withheld,
  });
  const interval = intervalOf(row, disclosed.suppressed);
  return {
    gebiedscode: row.area_code,
    gebiedsnaam: row.area_name,
    niveau: row.level,
    indeling: row.vintage,
    indicator: row.indicator_id,
    indicatornaam: indicator?.name ?? row.indicator_id,
    eenheid: indicator?.unit ?? '',
    periode: row.period,
    waarde: disclosed.value,
    teller: disclosed.numerator,
    noemer: disclosed.denominator,
    vlaggen: flagsOf(row, disclosed.suppressed),
    geheim: disclosed.suppressed?.reason ?? null,
    bron: row.source,
    bronvlaggen: row.flags,
    ondergrens95: interval?.onder ?? null,
    bovengrens95: interval?.boven ?? null,
  } satisfies Partial<ExportRow>;
}

function targetPart(target: TargetForRow, decimals: number) {
  const judgement = target.judgement;
  const inputs = judgement?.inputs;
  const baseline = !judgement && target.isBaseline ? BASELINE_STATUS : null;
  const plan = judgement?.planReading ?? null;
  return {
    programma: target.programmeId,
    horizon: target.target.horizon,
    streefjaar: target.target.targetYear,
    soortStreefwaarde: target.target.kind,
    streefwaarde: roundTo(target.target.targetValue, decimals),
    referentiegebied: target.target.referenceAreaCode,
    basisjaar: target.baselineYear,
    basiswaarde: roundTo(target.baselineValue, decimals),
    status: judgement?.status ?? baseline?.status ?? null,
    statuslabel: judgement?.statusLabel ?? baseline?.statusLabel ?? null,
    score: judgement?.score ?? null,
    statusGunstig: judgement?.uncertainty?.favourable.status ?? null,
    statusOngunstig: judgement?.uncertainty?.unfavourable.status ?? null,
    planStatus: plan?.status ?? null,
    planStatuslabel: plan?.statusLabel ?? null,
    planScore: plan?.score ?? null,
    voortgangsmaat: roundTo(inputs?.progressValue, RATIO_DECIMALS),
    cagrGemeten: roundTo(inputs?.cagrObserved, RATE_DECIMALS),
    cagrVereist: roundTo(inputs?.cagrRequired, RATE_DECIMALS),
    aandeelVanDeWeg: roundTo(judgement?.shareOfWay, RATIO_DECIMALS),
    verwachteWaarde: roundTo(judgement?.expectedValue, decimals),
    referentiewaarde: roundTo(inputs?.referenceAreaCurrentValue, decimals),
  } satisfies Partial<ExportRow>;
}
