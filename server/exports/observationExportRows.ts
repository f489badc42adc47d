import type { Db } from '../db/createDatabase.ts';
import { discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { findIndicators } from '../indicators/indicatorsRepository.ts';
import type { ObservationFilters } from '../observations/observationsRepository.ts';
import { flagsOf, intervalOf, type ObservationRow } from '../observations/publishObservation.ts';
import type { ExportRow } from './exportColumns.ts';
import { observationRowsInOrder } from './observationRowsInOrder.ts';
import type { TargetLookup } from './targetLookup.ts';

/**
 * The tidy export rows, disclosed row by row through the one disclosure function, with the target
 * and status of the programme when the area has one for that indicator.
 */
export async function* observationExportRows(
  db: Db,
  filters: ObservationFilters,
  options: {
    canStream: boolean;
    programmeId: string | null;
    targets: TargetLookup | null;
    batchSize?: number;
  },
): AsyncGenerator<ExportRow[]> {
  const indicators = new Map((await findIndicators(db)).map((row) => [row.id, row]));
  for await (const batch of observationRowsInOrder(db, filters, options)) {
    yield batch.map((row) => toExportRow(row));
  }

  function toExportRow(row: ObservationRow): ExportRow {
    const indicator = indicators.get(row.indicator_id);
    const disclosed = discloseObservation(disclosureRuleOf(indicator), row);
    const target = options.targets?.(row.indicator_id, row.area_code, row.vintage, row.year);
    const judgement = target?.judgement ?? null;
    const inputs = judgement?.inputs;
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
      ondergrens95: intervalOf(row, disclosed.suppressed)?.onder ?? null,
      bovengrens95: intervalOf(row, disclosed.suppressed)?.boven ?? null,
      programma: target ? options.programmeId : null,
      horizon: target?.target.horizon ?? null,
      streefjaar: target?.target.targetYear ?? null,
      soortStreefwaarde: target?.target.kind ?? null,
      streefwaarde: target?.target.targetValue ?? null,
      referentiegebied: target?.target.referenceAreaCode ?? null,
      basisjaar: target?.baselineYear ?? null,
      basiswaarde: target?.baselineValue ?? null,
      status: judgement?.status ?? null,
      statuslabel: judgement?.statusLabel ?? null,
      score: judgement?.score ?? null,
      voortgangsmaat: inputs?.progressValue ?? null,
      cagrGemeten: inputs?.cagrObserved ?? null,
      cagrVereist: inputs?.cagrRequired ?? null,
      aandeelVanDeWeg: judgement?.shareOfWay ?? null,
      verwachteWaarde: judgement?.expectedValue ?? null,
      referentiewaarde: inputs?.referenceAreaCurrentValue ?? null,
    };
  }
}
