// The pure rules behind /voortgang and the profile, table-driven. Each name reads as the rule it
// specifies (as d3-scale's tests do); each row of a table is one case of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaSeries } from '../../server/progress/areaSeries.ts';
import { chooseBaseline } from '../../server/progress/baselineChoice.ts';
import { judgeHorizon } from '../../server/progress/judgeHorizon.ts';
import { chooseObservations, namesOf, observationRank } from '../../server/progress/observationChoice.ts';
import type { IndicatorRow, ObservationRow, TargetRow } from '../../server/progress/progressRows.ts';
import type { Series } from '../../server/progress/series.ts';
import { sumMemberCounts } from '../../server/progress/sumMemberCounts.ts';
import type { TargetSpec } from '../../server/progress/types.ts';

const indicator = (over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  id: 'ind',
  name: 'Indicator',
  unit: '%',
  polarity: 'lager_is_beter',
  decimals: 1,
  source: 'CBS',
  numerator_label: null,
  denominator_label: null,
  min_denominator: null,
  min_count: null,
  ...over,
});
const observation = (over: Partial<ObservationRow> & Pick<ObservationRow, 'year'>): ObservationRow => ({
  indicator_id: 'ind',
  area_code: 'BU1',
  vintage: 2022,
  period: String(over.year),
  value: null,
  numerator: null,
  denominator: null,
  provisional: false,
  confidential: false,
  withheld: false,
  value_rounding: null,
  count_rounding: null,
  interval_low: null,
  interval_high: null,
  source: 'CBS',
  ...over,
});
const target = (over: Partial<TargetRow> = {}): TargetRow => ({
  id: 1,
  programme_id: 'p',
  indicator_id: 'ind',
  area_code: 'BU1',
  horizon: 10,
  target_year: 2031,
  kind: 'absoluut',
  target_value: 10,
  reference_area_code: null,
  direction: null,
  baseline_year: null,
  baseline_value: null,
  baseline_numerator: null,
  baseline_source: 'plan',
  baseline_period_start: null,
  baseline_period_end: null,
  plan_text: null,
  note: null,
  ...over,
});
/** A series of one area from `year: value` pairs (null: no value, 's': suppressed). */
const series = (values: Record<number, number | null | 's'>): Series => {
  const rows = Object.entries(values).map(([year, value]) =>
    observation({ year: Number(year), value: value === 's' ? 1 : value, confidential: value === 's' }),
  );
  return areaSeries(
    { vintage: 2022, chosen: chooseObservations(rows, 2022, () => 'Buurt'), membersOf: new Map() },
    indicator(),
    'BU1',
  );
};

describe('chooseBaseline(target, startYear, series, indicator)', () => {
  const observed = series({ 2019: null, 2020: 's', 2021: 17, 2022: 16 });
  const cases: Array<{
    rule: string;
    target: Partial<TargetRow>;
    unit?: string;
    point: { year: number; value: number } | null;
    source: 'plan' | 'waarnemingen' | null;
  }> = [
    {
      rule: "takes the plan's year and value as exact when the plan gives both",
      target: { baseline_year: 2020, baseline_value: 18 },
      point: { year: 2020, value: 18 },
      source: 'plan',
    },
    {
      rule: 'reads the observations when the baseline source is "waarnemingen", even with a plan value',
      target: { baseline_year: 2021, baseline_value: 18, baseline_source: 'waarnemingen' },
      point: { year: 2021, value: 17 },
      source: 'waarnemingen',
    },
    {
      rule: 'skips a year without a value and a suppressed year to the next disclosed value (as Open SDG)',
      target: { baseline_year: 2019 },
      point: { year: 2021, value: 17 },
      source: 'waarnemingen',
    },
    {
      rule: "starts from the programme's start year when the target names no baseline year",
      target: {},
      point: { year: 2022, value: 16 },
      source: 'waarnemingen',
    },
    {
      rule: 'is null when no disclosed value follows the baseline year',
      target: { baseline_year: 2023 },
      point: null,
      source: null,
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const choice = chooseBaseline(target(c.target), 2022, observed, indicator());
      assert.deepEqual(choice.point && { year: choice.point.year, value: choice.point.value }, c.point);
      assert.equal(choice.summary?.source ?? null, c.source);
    });
  }
});

describe('chooseBaseline(…) over a period longer than a year', () => {
  const cases: Array<{
    rule: string;
    start: string | null;
    end: string | null;
    unit: string;
    years: number | null;
    perYear: number | null;
    compared: number;
  }> = [
    {
      rule: 'compares a count per year: 43 over 2017 – feb. 2021 is 10,3 a year',
      start: '2017-01',
      end: '2021-02',
      unit: 'aantal',
      years: 50 / 12,
      perYear: 43 / (50 / 12),
      compared: 43 / (50 / 12),
    },
    {
      rule: 'keeps a share as it is: a percentage over several years is not divided',
      start: '2017-01',
      end: '2021-02',
      unit: '%',
      years: 50 / 12,
      perYear: null,
      compared: 43,
    },
    {
      rule: 'treats exactly one calendar year as a period of 1 year',
      start: '2020-01',
      end: '2020-12',
      unit: 'aantal',
      years: 1,
      perYear: 43,
      compared: 43,
    },
    {
      rule: 'ignores a period whose end lies before its start',
      start: '2021-02',
      end: '2017-01',
      unit: 'aantal',
      years: null,
      perYear: null,
      compared: 43,
    },
    {
      rule: 'ignores a period without an end',
      start: '2017-01',
      end: null,
      unit: 'aantal',
      years: null,
      perYear: null,
      compared: 43,
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const choice = chooseBaseline(
        target({
          baseline_year: 2021,
          baseline_value: 43,
          baseline_period_start: c.start,
          baseline_period_end: c.end,
        }),
        2022,
        series({}),
        indicator({ unit: c.unit }),
      );
      assert.equal(choice.summary?.period?.years ?? null, c.years);
      assert.equal(choice.summary?.period?.perYear ?? null, c.perYear);
      assert.equal(choice.summary?.value, 43, 'the summary keeps the plan total');
      assert.equal(choice.point?.value, c.compared);
      assert.equal(choice.note != null, c.perYear != null, 'the card explains a per-year comparison');
    });
  }
  test('says on the card what the per-year value is', () => {
    const choice = chooseBaseline(
      target({
        baseline_year: 2021,
        baseline_value: 43,
        baseline_period_start: '2017-01',
        baseline_period_end: '2021-02',
      }),
      2022,
      series({}),
      indicator({ unit: 'aantal' }),
    );
    assert.equal(
      choice.note,
      'De basis 43 telt over 2017 – feb. 2021 (4,2 jaar): 10,3 per jaar. Aantallen worden per jaar vergeleken.',
    );
  });
});

describe('observationRank(o, vintage): which indeling stands for a year', () => {
  const cases: Array<{ rule: string; better: Partial<ObservationRow>; worse: Partial<ObservationRow> }> = [
    {
      rule: "the programme's own vintage beats a newer one",
      better: { vintage: 2022 },
      worse: { vintage: 2024 },
    },
    { rule: 'of two other vintages the newer wins', better: { vintage: 2021 }, worse: { vintage: 2017 } },
    { rule: 'a whole year beats a half year', better: { period: '2023' }, worse: { period: '2023-H2' } },
    {
      rule: 'a half year beats a range of months',
      better: { period: '2023H1' },
      worse: { period: '2023-01/2023-06' },
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      assert.ok(
        observationRank(observation({ year: 2023, ...c.better }), 2022) >
          observationRank(observation({ year: 2023, ...c.worse }), 2022),
      );
    });
  }
});

describe('chooseObservations(rows, vintage, nameOf): the same code in another indeling', () => {
  const areas = namesOf([
    { code: 'BU1', vintage: 2022, name: 'De Heuvel noord' },
    { code: 'BU1', vintage: 2021, name: 'De Heuvel noord' },
    { code: 'BU1', vintage: 2017, name: 'De Heuvel' },
  ]);
  const cases: Array<{ rule: string; rows: Partial<ObservationRow>[]; kept: number | null }> = [
    { rule: 'counts when the code names the same area there', rows: [{ vintage: 2021, value: 5 }], kept: 5 },
    {
      rule: 'is left out when the code names another area there',
      rows: [{ vintage: 2017, value: 5 }],
      kept: null,
    },
    {
      rule: 'is left out when the code is not in the programme vintage at all',
      rows: [{ vintage: 2019, value: 5 }],
      kept: null,
    },
    {
      rule: "gives way to the programme vintage's own row for the same year",
      rows: [
        { vintage: 2021, value: 5 },
        { vintage: 2022, value: 6 },
      ],
      kept: 6,
    },
    {
      rule: 'keeps the first of two rows of equal rank',
      rows: [
        { vintage: 2022, value: 7 },
        { vintage: 2022, value: 8 },
      ],
      kept: 7,
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const chosen = chooseObservations(
        c.rows.map((r) => observation({ year: 2020, ...r })),
        2022,
        areas,
      );
      assert.equal(chosen.get('ind|BU1|2020')?.value ?? null, c.kept);
    });
  }
});

describe('areaSeries(…) of a programme area: aggregation from counts, with fallback', () => {
  const rows = [
    observation({ area_code: 'BU1', year: 2020, value: 10, numerator: 10, denominator: 100 }),
    observation({ area_code: 'BU2', year: 2020, value: 30, numerator: 90, denominator: 300 }),
    observation({ area_code: 'BU1', year: 2021, value: 10, numerator: 10, denominator: 100 }),
    observation({
      area_code: 'BU2',
      year: 2021,
      value: 30,
      numerator: 90,
      denominator: 300,
      confidential: true,
    }),
    observation({ area_code: 'PG', year: 2021, value: 24 }),
    observation({ area_code: 'BU1', year: 2022, value: 10, numerator: 10, denominator: 100 }),
  ];
  const result = areaSeries(
    {
      vintage: 2022,
      chosen: chooseObservations(rows, 2022, () => 'same'),
      membersOf: new Map([['PG', ['BU1', 'BU2']]]),
    },
    indicator(),
    'PG',
  );
  const valueIn = (year: number) => result.observations.find((o) => o.year === year)?.value ?? null;
  const cases: Array<{ rule: string; year: number; value: number | null }> = [
    {
      rule: 'is Σ numerators / Σ denominators, not the mean of the percentages (25%, not 20%)',
      year: 2020,
      value: 25,
    },
    { rule: "falls back to the area's own figure when a member is suppressed", year: 2021, value: 24 },
    {
      rule: 'has no value when a member is missing and the area has no figure of its own',
      year: 2022,
      value: null,
    },
  ];
  for (const c of cases) test(c.rule, () => assert.equal(valueIn(c.year), c.value));
  test('says per year why no total was made', () => {
    const y2021 = result.aggregation?.years.find((y) => y.year === 2021);
    assert.deepEqual(y2021?.missingMembers, ['BU2']);
    assert.match(y2021?.reason ?? '', /van BU2 ontbreken teller en noemer/);
  });
});

describe('sumMemberCounts(…): the programme-area figures of the profile', () => {
  const input = (indicators: IndicatorRow[], rows: ObservationRow[]) => ({
    code: 'PG',
    vintage: 2022,
    memberCodes: ['BU1', 'BU2'],
    indicators,
    memberAreas: [
      { code: 'BU1', vintage: 2022, name: 'Een' },
      { code: 'BU2', vintage: 2022, name: 'Twee' },
    ],
    observations: rows,
  });
  const both = (id: string, a: Partial<ObservationRow>, b: Partial<ObservationRow>, year = 2024) => [
    observation({ indicator_id: id, area_code: 'BU1', year, ...a }),
    observation({ indicator_id: id, area_code: 'BU2', year, ...b }),
  ];
  const cases: Array<{
    rule: string;
    unit: string;
    a: Partial<ObservationRow>;
    b: Partial<ObservationRow>;
    sum: number | null;
  }> = [
    { rule: 'adds up counts', unit: 'aantal', a: { value: 4000 }, b: { value: 5015 }, sum: 9015 },
    {
      rule: 'takes Σ teller / Σ noemer for a share',
      unit: '%',
      a: { value: 10, numerator: 10, denominator: 100 },
      b: { value: 30, numerator: 90, denominator: 300 },
      sum: 25,
    },
    {
      rule: 'leaves out averages and densities, which cannot be added up',
      unit: 'jaar',
      a: { value: 40 },
      b: { value: 50 },
      sum: null,
    },
    {
      rule: 'gives no total when one member is suppressed (differencing must not reveal it)',
      unit: 'aantal',
      a: { value: 4000 },
      b: { value: 3, confidential: true },
      sum: null,
    },
    {
      rule: 'gives no total when one member has no value that year',
      unit: 'aantal',
      a: { value: 4000 },
      b: { value: null },
      sum: null,
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const sums = sumMemberCounts(input([indicator({ id: 'x', unit: c.unit })], both('x', c.a, c.b)));
      assert.equal(sums[0]?.series[0]?.value ?? null, c.sum);
    });
  }
  test('names how the total was made and from which sources', () => {
    const sums = sumMemberCounts(
      input(
        [indicator({ id: 'x', unit: 'aantal' })],
        both('x', { value: 1, source: 'CBS' }, { value: 2, source: 'Gemeente' }),
      ),
    );
    assert.equal(sums[0]?.series[0]?.source, 'Berekend: som van 2 buurten (CBS; Gemeente)');
  });
  test('is empty for an area without members', () => {
    assert.deepEqual(sumMemberCounts({ ...input([indicator({ unit: 'aantal' })], []), memberCodes: [] }), []);
  });
});

describe('judgeHorizon(…): which year a target is judged on', () => {
  const spec: TargetSpec = {
    kind: 'referentieniveau',
    horizon: 20,
    targetYear: 2040,
    targetValue: 6,
    direction: null,
    polarity: 'lager_is_beter',
  };
  const summary = {
    id: 1,
    programmeId: 'p',
    horizon: 20,
    targetYear: 2040,
    kind: 'referentieniveau' as const,
    targetValue: 6,
    referenceAreaCode: 'GM',
    direction: null,
    planText: null,
    note: null,
  };
  const baseline = { point: { year: 2020, value: 17 }, summary: null, note: null };
  const cases: Array<{
    rule: string;
    own: Record<number, number | null | 's'>;
    reference: Record<number, number | null | 's'>;
    judged: number | null;
    says: RegExp | null;
  }> = [
    {
      rule: 'a reference level is judged on the latest year in which both areas have a value',
      own: { 2020: 17, 2022: 15, 2023: 14 },
      reference: { 2020: 10, 2022: 10 },
      judged: 2022,
      says: /Het referentiegebied heeft nog geen waarde voor 2023; beoordeeld is 2022/,
    },
    {
      rule: 'a later year without a publishable value is named, and the year before it judged',
      own: { 2020: 17, 2022: 15, 2023: 's' },
      reference: { 2020: 10, 2022: 10, 2023: 10 },
      judged: 2022,
      says: /De waarde van 2023 is geheim \/ te klein; beoordeeld is 2022/,
    },
    {
      rule: 'only the baseline year gives no judged year',
      own: { 2020: 17 },
      reference: { 2020: 10 },
      judged: null,
      says: null,
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const h = judgeHorizon({
        spec,
        summary,
        baseline,
        series: series(c.own),
        reference: series(c.reference),
      });
      assert.equal(h.judgement.year, c.judged);
      if (c.says) assert.match(h.judgement.explanation.join(' '), c.says);
      assert.ok(
        h.history.every((j) => j.year != null && j.year > 2020),
        'history starts after the baseline',
      );
    });
  }
});
