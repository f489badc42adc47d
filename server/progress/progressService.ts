// Reads targets and observations with Kysely and hands disclosed values to the pure engine.
// The engine never sees a suppressed figure: observations pass discloseObservation first, so a
// status can only be computed from values that may be published anyway.
import type { Db } from '../db/createDatabase.ts';
import type { Area, Indicator, Observation, Programme, Target } from '../db/Database.ts';
import {
  type DisclosedObservation,
  type DisclosureRule,
  discloseObservation,
  disclosureRuleOf,
  SUPPRESSED_LABEL,
} from '../disclosure/applyDisclosure.ts';
import { aggregateFromCounts, unitScale } from './aggregateFromCounts.ts';
import { nl } from './formatNl.ts';
import { judgeTarget } from './judgeTarget.ts';
import { loadMonitoring } from './monitoringLoader.ts';
import { periodLabel, periodYears } from './periodLength.ts';
import { attachRelatedSeries } from './relatedSeriesLoader.ts';
import type {
  AggregationInfo,
  AreaProgress,
  AreaProgressProfile,
  AreaSummary,
  BaselineSummary,
  GetAreaStatusesOptions,
  GetProgrammeProgressOptions,
  HorizonProgress,
  IndicatorSummary,
  ProgrammeProgress,
  ProgrammeSummary,
  ProgressJudgement,
  TargetProgress,
  TargetSpec,
  ValueInterval,
  ValuePoint,
} from './types.ts';
import { valueInterval } from './uncertainty.ts';

/** Every target of a programme with its series and judgements; null when the programme does not exist. */
export async function getProgrammeProgress(
  db: Db,
  programmeId: string,
  options: GetProgrammeProgressOptions = {},
): Promise<ProgrammeProgress | null> {
  const programme = await db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return null;
  const targets = await db
    .selectFrom('targets')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
  return {
    programme: programmeSummary(programme),
    year: options.year ?? null,
    targets: await attachRelatedSeries(
      db,
      programme,
      await buildTargetProgress(db, programme, targets, options.year ?? null),
    ),
    monitoring: await loadMonitoring(db, programme, options.year ?? null),
  };
}

/** For a map layer: area code → status, for areas with a target for that indicator and horizon. */
export async function getAreaStatuses(
  db: Db,
  options: GetAreaStatusesOptions,
): Promise<Map<string, AreaProgress>> {
  const result = new Map<string, AreaProgress>();
  // Targets on areas of the layer's indeling and level (of one gemeente when given; else every one).
  let areas = db
    .selectFrom('areas')
    .select('code')
    .where('vintage', '=', options.vintage)
    .where('level', '=', options.level);
  const gemeenteCode = options.gemeenteCode;
  if (gemeenteCode) areas = areas.where('gemeente_code', '=', gemeenteCode);
  let query = db
    .selectFrom('targets')
    .selectAll()
    .where('indicator_id', '=', options.indicatorId)
    .where('horizon', '=', options.horizon)
    .where('area_code', 'in', areas);
  if (options.programmeId) query = query.where('programme_id', '=', options.programmeId);
  // With several programmes on one area the first programme (by id) wins; pass programmeId to choose.
  const targets = await query.orderBy('programme_id').orderBy('id').execute();
  const byProgramme = groupBy(targets, (t) => t.programme_id);
  for (const [programmeId, programmeTargets] of byProgramme) {
    const programme = await db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', programmeId)
      .executeTakeFirst();
    if (!programme) continue;
    const progress = await buildTargetProgress(db, programme, programmeTargets, options.year);
    for (const tp of progress) {
      if (result.has(tp.area.code)) continue;
      const h = tp.horizons.find((x) => x.target.horizon === options.horizon);
      if (!h) continue;
      const judgement = judgementInYear(tp, h, options.year);
      result.set(tp.area.code, {
        areaCode: tp.area.code,
        programmeId,
        targetId: h.target.id,
        horizon: h.target.horizon,
        targetYear: h.target.targetYear,
        kind: h.target.kind,
        status: judgement.status,
        statusLabel: judgement.statusLabel,
        score: judgement.score,
        judgement,
      });
    }
  }
  return result;
}

/** Every target judgement that concerns one area; null when the area does not exist in that vintage. */
export async function getAreaProgress(
  db: Db,
  areaCode: string,
  vintage: number,
): Promise<AreaProgressProfile | null> {
  const area = await db
    .selectFrom('areas')
    .selectAll()
    .where('code', '=', areaCode)
    .where('vintage', '=', vintage)
    .executeTakeFirst();
  if (!area) return null;
  const parents = (
    await db
      .selectFrom('area_members')
      .select('area_code')
      .where('member_code', '=', areaCode)
      .where('vintage', '=', vintage)
      .execute()
  ).map((m) => m.area_code);
  const targets = await db
    .selectFrom('targets')
    .selectAll()
    .where('area_code', 'in', [areaCode, ...parents])
    .orderBy('programme_id')
    .orderBy('id')
    .execute();
  const profile: AreaProgressProfile = {
    area: areaSummary(area, null),
    targets: [],
    memberOf: [],
    memberSums: area.level === 'programmagebied' ? await memberSums(db, areaCode, vintage) : [],
  };
  for (const [programmeId, programmeTargets] of groupBy(targets, (t) => t.programme_id)) {
    const programme = await db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', programmeId)
      .executeTakeFirst();
    if (!programme) continue;
    const summary = programmeSummary(programme);
    const built = await buildTargetProgress(db, programme, programmeTargets, null);
    for (const tp of await attachRelatedSeries(db, programme, built)) {
      (tp.area.code === areaCode ? profile.targets : profile.memberOf).push({ programme: summary, ...tp });
    }
  }
  return profile;
}

// ---- internals ---------------------------------------------------------------------------------

/** A programme area's figures from its members, for every indicator (see AreaProgressProfile). */
async function memberSums(db: Db, code: string, vintage: number): Promise<AreaProgressProfile['memberSums']> {
  const memberCodes = (
    await db
      .selectFrom('area_members')
      .select('member_code')
      .where('area_code', '=', code)
      .where('vintage', '=', vintage)
      .execute()
  ).map((m) => m.member_code);
  if (memberCodes.length === 0) return [];
  const [indicators, areaRows, rows] = await Promise.all([
    db.selectFrom('indicators').selectAll().execute(),
    db.selectFrom('areas').select(['code', 'vintage', 'name']).where('code', 'in', memberCodes).execute(),
    db.selectFrom('observations').selectAll().where('area_code', 'in', memberCodes).orderBy('year').execute(),
  ]);
  const nameOf = new Map(areaRows.map((a) => [`${a.code}|${a.vintage}`, a.name]));
  // As for targets: a row of another vintage counts only when the code names the same area there;
  // per indicator × member × year the programme's vintage, then the newest, wins.
  const chosen = new Map<string, Observation>();
  for (const row of rows) {
    const here = nameOf.get(`${row.area_code}|${vintage}`);
    if (row.vintage !== vintage && (!here || nameOf.get(`${row.area_code}|${row.vintage}`) !== here))
      continue;
    const key = `${row.indicator_id}|${row.area_code}|${row.year}`;
    const seen = chosen.get(key);
    if (!seen || rank(row, vintage) > rank(seen, vintage)) chosen.set(key, row);
  }
  const result: AreaProgressProfile['memberSums'] = [];
  for (const indicator of indicators) {
    const isCount = indicator.unit === 'aantal';
    const scale = unitScale(indicator.unit);
    if (!isCount && scale === 1) continue; // averages and densities cannot be added up
    const rule = disclosureRuleOf(indicator);
    const years = unique(
      [...chosen.values()].filter((o) => o.indicator_id === indicator.id).map((o) => o.year),
    ).sort((a, b) => a - b);
    const series: DisclosedObservation[] = [];
    for (const year of years) {
      const members = memberCodes.map((m) => {
        const o = chosen.get(`${indicator.id}|${m}|${year}`);
        return o ? toDisclosed(rule, o) : null;
      });
      // Every member disclosed, or no total: a total minus the published members must never reveal one.
      if (members.some((o) => !o || o.suppressed || o.value == null)) continue;
      const present = members as DisclosedObservation[];
      let value: number | null;
      let numerator: number | null = null;
      let denominator: number | null = null;
      if (isCount) {
        value = present.reduce((sum, o) => sum + (o.value as number), 0);
      } else {
        const aggregate = aggregateFromCounts(
          present.map((o) => ({ areaCode: o.areaCode, numerator: o.numerator, denominator: o.denominator })),
          scale,
        );
        value = aggregate.value;
        numerator = aggregate.numerator;
        denominator = aggregate.denominator;
      }
      if (value == null) continue;
      series.push(
        discloseObservation(rule, {
          areaCode: code,
          vintage,
          period: String(year),
          year,
          value,
          numerator,
          denominator,
          provisional: present.some((o) => o.provisional),
          confidential: false,
          valueRounding: null,
          countRounding: present.some((o) => o.countRounding != null)
            ? Math.max(...present.map((o) => o.countRounding ?? 0))
            : null,
          source: `Berekend: ${isCount ? 'som' : 'som tellers / som noemers'} van ${memberCodes.length} buurten (${unique(present.map((o) => o.source)).join('; ')})`,
        }),
      );
    }
    if (series.length > 0) result.push({ indicatorId: indicator.id, series });
  }
  return result;
}

interface Series {
  observations: DisclosedObservation[];
  /** Rounding interval of each year's disclosed value. */
  intervals: Map<number, ValueInterval | null>;
  aggregation: AggregationInfo | null;
}

async function buildTargetProgress(
  db: Db,
  programme: Programme,
  targets: Target[],
  year: number | null,
): Promise<TargetProgress[]> {
  if (targets.length === 0) return [];
  const vintage = programme.vintage;
  const indicatorIds = unique(targets.map((t) => t.indicator_id));
  const indicators = new Map(
    (await db.selectFrom('indicators').selectAll().where('id', 'in', indicatorIds).execute()).map((i) => [
      i.id,
      i,
    ]),
  );
  const referenceCodes = targets
    .filter((t) => t.kind === 'referentieniveau')
    .map((t) => t.reference_area_code ?? programme.reference_area_code);
  const targetCodes = unique(targets.map((t) => t.area_code));
  const members = await db
    .selectFrom('area_members')
    .select(['area_code', 'member_code'])
    .where('vintage', '=', vintage)
    .where('area_code', 'in', targetCodes)
    .execute();
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.area_code, [...(membersOf.get(m.area_code) ?? []), m.member_code]);

  const codes = unique([...targetCodes, ...referenceCodes, ...members.map((m) => m.member_code)]);
  const areaRows = await db.selectFrom('areas').selectAll().where('code', 'in', codes).execute();
  const areaInVintage = new Map(areaRows.filter((a) => a.vintage === vintage).map((a) => [a.code, a]));
  const nameByCodeVintage = new Map(areaRows.map((a) => [`${a.code}|${a.vintage}`, a.name]));
  const labels = new Map(
    (
      await db
        .selectFrom('programme_areas')
        .select(['area_code', 'label'])
        .where('programme_id', '=', programme.id)
        .execute()
    ).map((pa) => [pa.area_code, pa.label]),
  );

  let obsQuery = db
    .selectFrom('observations')
    .selectAll()
    .where('indicator_id', 'in', indicatorIds)
    .where('area_code', 'in', codes);
  if (year != null) obsQuery = obsQuery.where('year', '<=', year);
  const rows = await obsQuery.orderBy('year').execute();

  // CBS reuses codes for redrawn areas: a row from another vintage counts only when the code names
  // the same area there (same name). Per period the programme's own vintage wins.
  const byKey = new Map<string, Observation>();
  for (const row of rows) {
    const here = areaInVintage.get(row.area_code);
    if (
      row.vintage !== vintage &&
      (!here || nameByCodeVintage.get(`${row.area_code}|${row.vintage}`) !== here.name)
    ) {
      continue;
    }
    const key = `${row.indicator_id}|${row.area_code}|${row.year}`;
    const seen = byKey.get(key);
    if (!seen || rank(row, vintage) > rank(seen, vintage)) byKey.set(key, row);
  }
  const seriesOf = (indicator: Indicator, code: string): Series => {
    const rule = disclosureRuleOf(indicator);
    const scale = unitScale(indicator.unit);
    const own = [...byKey.values()]
      .filter((o) => o.indicator_id === indicator.id && o.area_code === code)
      .sort((a, b) => a.year - b.year)
      .map((o) => toDisclosed(rule, o));
    const memberCodes = membersOf.get(code);
    if (!memberCodes || memberCodes.length === 0) {
      return { observations: own, intervals: intervalsOf(own, scale), aggregation: null };
    }
    return aggregateSeries(indicator, rule, code, vintage, memberCodes, own, (c) => seriesOf(indicator, c));
  };

  const groups = groupBy(targets, (t) => `${t.indicator_id}|${t.area_code}`);
  const result: TargetProgress[] = [];
  for (const group of groups.values()) {
    const first = group[0] as Target;
    const indicator = indicators.get(first.indicator_id);
    if (!indicator) continue;
    const area = areaInVintage.get(first.area_code);
    const areaSum: AreaSummary = area
      ? areaSummary(area, labels.get(area.code) ?? null)
      : {
          code: first.area_code,
          vintage,
          name: first.area_code,
          level: 'buurt',
          label: labels.get(first.area_code) ?? null,
        };
    const series = seriesOf(indicator, first.area_code);
    const refTarget = group.find((t) => t.kind === 'referentieniveau');
    const refCode = refTarget ? (refTarget.reference_area_code ?? programme.reference_area_code) : null;
    const refArea = refCode ? areaInVintage.get(refCode) : undefined;
    const refSeries = refCode ? seriesOf(indicator, refCode) : null;
    const horizons: HorizonProgress[] = [];
    let baselineSummary: BaselineSummary | null = null;
    for (const target of [...group].sort((a, b) => a.horizon - b.horizon)) {
      const baseline = baselineOf(target, programme, series, indicator);
      baselineSummary ??= baseline.summary;
      const spec: TargetSpec = {
        kind: target.kind,
        horizon: target.horizon,
        targetYear: target.target_year,
        targetValue: target.target_value,
        direction: target.direction,
        polarity: indicator.polarity,
      };
      const ownRef = target.kind === 'referentieniveau' ? refSeries : null;
      const judgeAt = (current: ValuePoint | null, missingReason: string | null = null): ProgressJudgement =>
        withNote(
          baseline.note,
          judgeTarget({
            target: spec,
            baseline: baseline.point,
            current,
            referenceBaseline: ownRef && baseline.point ? pointIn(ownRef, baseline.point.year) : null,
            referenceCurrent: ownRef && current ? pointIn(ownRef, current.year) : null,
            missingReason,
          }),
        );
      const history = series.observations
        .filter((o) => o.value != null && baseline.point != null && o.year > baseline.point.year)
        .map((o) => judgeAt(pointIn(series, o.year)));
      const last = series.observations.at(-1);
      // A reference-level target is judged on the latest year in which both the area and the
      // reference area have a value: a newer buurt year without a reference value waits for it.
      const latestWithReference = ownRef
        ? history.findLast((j) => j.year != null && pointIn(ownRef, j.year) != null)
        : undefined;
      const newestOwn = history.at(-1);
      let latestJudged = latestWithReference ?? newestOwn;
      if (ownRef && latestWithReference && newestOwn && newestOwn.year !== latestWithReference.year) {
        latestJudged = {
          ...latestWithReference,
          explanation: [
            ...latestWithReference.explanation,
            `Het referentiegebied heeft nog geen waarde voor ${newestOwn.year}; beoordeeld is ${latestWithReference.year}, het laatste jaar met een waarde van beide gebieden.`,
          ],
        };
      }
      let judgement = latestJudged ?? judgeAt(null, last?.suppressed ? SUPPRESSED_LABEL : null);
      // Say on the card why a later year is not the one judged.
      if (latestJudged && last && last.year > (latestJudged.year ?? 0) && last.value == null) {
        const why = last.suppressed ? SUPPRESSED_LABEL : 'onbekend';
        judgement = {
          ...latestJudged,
          explanation: [
            ...latestJudged.explanation,
            `De waarde van ${last.year} is ${why}; beoordeeld is ${latestJudged.year}, het laatste jaar met een publiceerbare waarde.`,
          ],
        };
      }
      horizons.push({ target: targetSummary(target), judgement, history });
    }
    result.push({
      indicator: indicatorSummary(indicator),
      area: areaSum,
      baseline: baselineSummary,
      series: series.observations,
      latest: series.observations.at(-1) ?? null,
      reference:
        refCode && refSeries
          ? {
              area: refArea
                ? areaSummary(refArea, labels.get(refArea.code) ?? null)
                : { code: refCode, vintage, name: refCode, level: 'gemeente', label: null },
              series: refSeries.observations,
            }
          : null,
      aggregation: series.aggregation,
      horizons,
    });
  }
  return result;
}

/** Σ numerator / Σ denominator of the members per year; the area's own figure only where that fails. */
function aggregateSeries(
  indicator: Indicator,
  rule: DisclosureRule,
  code: string,
  vintage: number,
  memberCodes: string[],
  own: DisclosedObservation[],
  memberSeries: (code: string) => Series,
): Series {
  const scale = unitScale(indicator.unit);
  const memberObs = memberCodes.map((c) => ({ code: c, series: memberSeries(c).observations }));
  const years = unique(memberObs.flatMap((m) => m.series.map((o) => o.year))).sort((a, b) => a - b);
  const info: AggregationInfo = { memberCodes, years: [] };
  const observations = new Map<number, DisclosedObservation>();
  const intervals = new Map<number, ValueInterval | null>();
  for (const o of own) {
    observations.set(o.year, o);
    intervals.set(o.year, intervalOf(o, scale));
  }
  for (const year of years) {
    const obs = memberObs.map((m) => ({ code: m.code, o: m.series.find((x) => x.year === year) }));
    // Members only ever contribute disclosed counts: a suppressed member blocks the total, so the
    // total minus the published members can never reveal it.
    const aggregate = aggregateFromCounts(
      obs.map(({ code: c, o }) => ({
        areaCode: c,
        numerator: o?.numerator ?? null,
        denominator: o?.denominator ?? null,
        countRounding: o?.countRounding ?? null,
      })),
      scale,
    );
    info.years.push({ year, ...aggregate });
    if (aggregate.value == null) continue;
    const present = obs.map((x) => x.o).filter((o): o is DisclosedObservation => o != null);
    const disclosed = discloseObservation(rule, {
      areaCode: code,
      vintage,
      period: String(year),
      year,
      value: aggregate.value,
      numerator: aggregate.numerator,
      denominator: aggregate.denominator,
      provisional: present.some((o) => o.provisional),
      confidential: false,
      valueRounding: null,
      countRounding: null,
      source: `Berekend: som tellers / som noemers van ${memberCodes.join(', ')} (${unique(present.map((o) => o.source)).join('; ')})`,
    });
    observations.set(year, disclosed);
    intervals.set(year, disclosed.suppressed ? null : aggregate.interval);
  }
  return {
    observations: [...observations.values()].sort((a, b) => a.year - b.year),
    intervals,
    aggregation: info,
  };
}

function baselineOf(
  target: Target,
  programme: Programme,
  series: Series,
  indicator: Indicator,
): { point: ValuePoint | null; summary: BaselineSummary | null; note: string | null } {
  // The plan's baseline is the anchor its targets were set from: taken as exact.
  if (
    target.baseline_source !== 'waarnemingen' &&
    target.baseline_year != null &&
    target.baseline_value != null
  ) {
    const period = baselinePeriod(target, indicator);
    const value = period?.perYear ?? target.baseline_value;
    return {
      point: { year: target.baseline_year, value },
      summary: {
        year: target.baseline_year,
        value: target.baseline_value,
        numerator: target.baseline_numerator,
        source: 'plan',
        period,
      },
      note:
        period?.perYear != null
          ? `De basis ${nl(target.baseline_value, 0)} telt over ${period.label} (${nl(period.years, 1)} jaar): ${nl(period.perYear, 1)} per jaar. Aantallen worden per jaar vergeleken.`
          : null,
    };
  }
  // Otherwise the observation of the baseline year, or the next year with a disclosed value (as Open SDG).
  const from = target.baseline_year ?? programme.start_year;
  const obs = series.observations.find((o) => o.year >= from && o.value != null);
  if (!obs || obs.value == null) return { point: null, summary: null, note: null };
  return {
    point: { year: obs.year, value: obs.value, interval: series.intervals.get(obs.year) ?? null },
    summary: {
      year: obs.year,
      value: obs.value,
      numerator: obs.numerator,
      source: 'waarnemingen',
      period: null,
    },
    note: null,
  };
}

/** A plan baseline over more than a year; counts ('aantal') get their value per year. */
function baselinePeriod(target: Target, indicator: Indicator): BaselineSummary['period'] {
  const start = target.baseline_period_start;
  const end = target.baseline_period_end;
  if (!start || !end || target.baseline_value == null) return null;
  const years = periodYears(start, end);
  if (years == null) return null;
  const perYear = indicator.unit === 'aantal' ? target.baseline_value / years : null;
  return { start, end, label: periodLabel(start, end), years, perYear };
}

function judgementInYear(tp: TargetProgress, h: HorizonProgress, year: number): ProgressJudgement {
  const exact = h.history.find((j) => j.year === year);
  if (exact) return exact;
  const obs = tp.series.find((o) => o.year === year);
  const reason = obs?.suppressed ? SUPPRESSED_LABEL : `geen waarde voor ${year}`;
  // Same target, no current value: the engine's own "onvoldoende gegevens" with the reason.
  return judgeTarget({
    target: {
      kind: h.target.kind,
      horizon: h.target.horizon,
      targetYear: h.target.targetYear,
      targetValue: h.target.targetValue,
      direction: h.target.direction,
      polarity: tp.indicator.polarity,
    },
    baseline: tp.baseline
      ? { year: tp.baseline.year, value: tp.baseline.period?.perYear ?? tp.baseline.value }
      : null,
    current: null,
    missingReason: reason,
  });
}

function withNote(note: string | null, j: ProgressJudgement): ProgressJudgement {
  return note ? { ...j, explanation: [note, ...j.explanation] } : j;
}

function pointIn(series: Series, year: number): ValuePoint | null {
  const o = series.observations.find((x) => x.year === year);
  if (!o || o.value == null) return null;
  return { year, value: o.value, interval: series.intervals.get(year) ?? null };
}

function intervalsOf(observations: DisclosedObservation[], scale: number): Map<number, ValueInterval | null> {
  return new Map(observations.map((o) => [o.year, intervalOf(o, scale)]));
}

function intervalOf(o: DisclosedObservation, scale: number): ValueInterval | null {
  if (o.suppressed) return null;
  return valueInterval(o, scale);
}

function toDisclosed(rule: DisclosureRule, o: Observation): DisclosedObservation {
  return discloseObservation(rule, {
    areaCode: o.area_code,
    vintage: o.vintage,
    period: o.period,
    year: o.year,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    provisional: o.provisional,
    confidential: o.confidential,
    withheld: o.withheld,
    valueRounding: o.value_rounding,
    countRounding: o.count_rounding,
    intervalLow: o.interval_low,
    intervalHigh: o.interval_high,
    source: o.source,
  });
}

/** Prefer the programme's vintage, then the newest vintage, then a whole year over a half year over a range. */
function rank(o: Observation, vintage: number): number {
  const shape = o.period.includes('-') ? 0 : /H[12]$/.test(o.period) ? 1 : 2;
  return (o.vintage === vintage ? 1e6 : 0) + o.vintage * 10 + shape;
}

function programmeSummary(p: Programme): ProgrammeSummary {
  return {
    id: p.id,
    name: p.name,
    gemeenteCode: p.gemeente_code,
    startYear: p.start_year,
    horizonYears: p.horizon_years,
    vintage: p.vintage,
    referenceAreaCode: p.reference_area_code,
    sourceDocument: p.source_document,
  };
}

function areaSummary(a: Area, label: string | null): AreaSummary {
  return { code: a.code, vintage: a.vintage, name: a.name, level: a.level, label };
}

function indicatorSummary(i: Indicator): IndicatorSummary {
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    polarity: i.polarity,
    decimals: i.decimals,
    source: i.source,
    numeratorLabel: i.numerator_label,
    denominatorLabel: i.denominator_label,
    minDenominator: i.min_denominator,
    minCount: i.min_count,
  };
}

function targetSummary(t: Target) {
  return {
    id: t.id,
    programmeId: t.programme_id,
    horizon: t.horizon,
    targetYear: t.target_year,
    kind: t.kind,
    targetValue: t.target_value,
    referenceAreaCode: t.reference_area_code,
    direction: t.direction,
    planText: t.plan_text,
    note: t.note,
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
