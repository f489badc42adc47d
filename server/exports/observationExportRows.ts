import type { Db } from '../db/createDatabase.ts';
import { discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { findIndicators } from '../indicators/indicatorsRepository.ts';
import type { ObservationFilters } from '../observations/observationsRepository.ts';
import { flagsOf, intervalOf, type ObservationRow } from '../observations/publishObservation.ts';
import type { ExportRow } from './exportColumns.ts';
import { observationRowsInOrder } from './observationRowsInOrder.ts';
import { BASELINE_STATUS, type TargetLookup } from './targetLookup.ts';

/** Rounds to a number of decimals; null stays null. */
const roundTo = (value: number | null | undefined, decimals: number): number | null =>
  value == null || !Number.isFinite(value) ? null : Number(value.toFixed(decimals));

/** Growth rates (fractions per year) and ratios get a fixed precision; values that of the indicator. */
const RATE_DECIMALS = 4;
const RATIO_DECIMALS = 3;

/**
 * The tidy export rows, disclosed row by row through the one disclosure function. An observation
 * of an area with targets gives one row per horizon (the `horizon` column tells them apart), each
 * with the programme's target, status, the plan's reading and both ends of an "onzeker" reading;
 * other observations give one row with those columns empty.
 */
export async function* observationExportRows(
  db: Db,
  filters: ObservationFilters,
  options: {
    canStream: boolean;
    targets: TargetLookup | null;
    batchSize?: number;
  },
): AsyncGenerator<ExportRow[]> {
  const indicators = new Map((await findIndicators(db)).map((row) => [row.id, row]));
  for await (const batch of observationRowsInOrder(db, filters, options)) {
    yield batch.flatMap((row) => toExportRows(row));
  }

  function toExportRows(row: ObservationRow): ExportRow[] {
    const indicator = indicators.get(row.indicator_id);
    const decimals = indicator?.decimals ?? 1;
    const disclosed = discloseObservation(disclosureRuleOf(indicator), row);
    const observation = {
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
      ondergrens95: intervalOf(row, disclosed.suppressed)?.onder ?? null,
      bovengrens95: intervalOf(row, disclosed.suppressed)?.boven ?? null,
    };
    const targets = options.targets?.(row.indicator_id, row.area_code, row.vintage, row.year) ?? [];
    if (targets.length === 0) return [{ ...observation, ...NO_TARGET }];
    return targets.map((target) => {
      const judgement = target.judgement;
      const inputs = judgement?.inputs;
      const baseline = !judgement && target.isBaseline ? BASELINE_STATUS : null;
      const plan = judgement?.planReading ?? null;
      return {
        ...observation,
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
      };
    });
  }
}

const NO_TARGET = {
  programma: null,
  horizon: null,
  streefjaar: null,
  soortStreefwaarde: null,
  streefwaarde: null,
  referentiegebied: null,
  basisjaar: null,
  basiswaarde: null,
  status: null,
  statuslabel: null,
  score: null,
  statusGunstig: null,
  statusOngunstig: null,
  planStatus: null,
  planStatuslabel: null,
  planScore: null,
  voortgangsmaat: null,
  cagrGemeten: null,
  cagrVereist: null,
  aandeelVanDeWeg: null,
  verwachteWaarde: null,
  referentiewaarde: null,
} satisfies Partial<ExportRow>;
