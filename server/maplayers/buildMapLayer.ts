import type { MapLayer, MapValue } from '../../schemas/mapLayers.ts';
import type { Db } from '../db/createDatabase.ts';
import type { AreaLevel, Indicator } from '../db/Database.ts';
import { discloseObservation, disclosureRuleOf } from '../disclosure/applyDisclosure.ts';
import { notFound } from '../http/problem.ts';
import { getAreaStatuses } from '../progress/progressService.ts';
import type { AreaProgress } from '../progress/types.ts';
import { defaultProgrammeOf, programmeExists } from './mapLayersRepository.ts';
import { layerValuesWithSums } from './programmeAreaLayerValues.ts';

export interface MapLayerRequest {
  period: string;
  vintage: number;
  level: AreaLevel;
  gemeente?: string | undefined;
  horizon: number;
  programmeId?: string | undefined;
}

const NO_TARGET_LABEL = 'geen streefwaarde';

/**
 * Statuses of the areas that have a target. With a programme: its targets; with a gemeente: its
 * newest programme's; with neither: every programme's (an area in two programmes: the first by id).
 */
async function statusesFor(
  db: Db,
  indicatorId: string,
  request: MapLayerRequest,
): Promise<{ programmeId: string | null; statuses: Map<string, AreaProgress> }> {
  let programmeId = request.programmeId;
  let gemeente = request.gemeente;
  if (programmeId) {
    const programme = await programmeExists(db, programmeId);
    if (!programme) throw notFound(`Er is geen programma met id ${programmeId}.`);
    gemeente ??= programme.gemeente_code;
  } else if (gemeente) {
    programmeId = await defaultProgrammeOf(db, gemeente);
    if (!programmeId) return { programmeId: null, statuses: new Map() };
  }
  const statuses = await getAreaStatuses(db, {
    indicatorId,
    programmeId,
    vintage: request.vintage,
    level: request.level,
    gemeenteCode: gemeente,
    year: Number(request.period.slice(-4)),
    horizon: request.horizon,
  });
  // Without a filter the layer names its programme when all its targets come from one.
  const programmes = new Set([...statuses.values()].map((status) => status.programmeId));
  const only = programmes.size === 1 ? [...programmes][0]! : null;
  return { programmeId: programmeId ?? only, statuses };
}

/**
 * One indicator × period for every area of a level, disclosed, with each area's status against the
 * programme's target; a programme area's value is its members' sum. Used by the kaartlaag endpoint
 * and the GeoJSON export alike.
 */
export async function buildMapLayer(
  db: Db,
  indicator: Indicator,
  request: MapLayerRequest,
): Promise<MapLayer> {
  const rule = disclosureRuleOf(indicator);
  const [rows, { programmeId, statuses }] = await Promise.all([
    layerValuesWithSums(db, {
      indicatorId: indicator.id,
      period: request.period,
      vintage: request.vintage,
      level: request.level,
      gemeente: request.gemeente,
    }),
    statusesFor(db, indicator.id, request),
  ]);
  const values: MapValue[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.area_code);
    const disclosed = discloseObservation(rule, row);
    const status = statuses.get(row.area_code);
    values.push({
      code: row.area_code,
      waarde: disclosed.value,
      teller: disclosed.numerator,
      noemer: disclosed.denominator,
      status: status?.status ?? 'geen_streefwaarde',
      statusLabel: status?.statusLabel ?? NO_TARGET_LABEL,
      score: status?.score ?? null,
      programma: status?.programmeId ?? null,
      streefwaarde: status?.judgement.inputs.targetValue ?? null,
      ...(disclosed.suppressed ? { geheim: disclosed.suppressed.reason } : {}),
    });
  }
  // An area with a target but no value this period still shows its status (onvoldoende gegevens).
  for (const [code, status] of statuses) {
    if (seen.has(code)) continue;
    values.push({
      code,
      waarde: null,
      teller: null,
      noemer: null,
      status: status.status,
      statusLabel: status.statusLabel,
      score: status.score,
      programma: status.programmeId,
      streefwaarde: status.judgement.inputs.targetValue,
    });
  }
  return {
    indicator: indicator.id,
    periode: request.period,
    indeling: request.vintage,
    niveau: request.level,
    gemeente: request.gemeente ?? null,
    horizon: request.horizon,
    programma: programmeId,
    eenheid: indicator.unit,
    decimalen: indicator.decimals,
    bron: indicator.source,
    waarden: values,
  };
}
