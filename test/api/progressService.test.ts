// The progress service on a real database (PGlite, or PostgreSQL when DATABASE_URL is set), with a
// small Sterk voor Noord fixture inserted here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import {
  getAreaProgress,
  getAreaStatuses,
  getProgrammeProgress,
} from '../../server/progress/progressService.ts';
import type { TargetProgress } from '../../server/progress/types.ts';
import { valueInterval } from '../../server/progress/uncertainty.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const HN = 'BU19160602'; // De Heuvel noord ("Heuvel Noord")
const PH = 'BU19160200'; // Prinsenhof hoog
const LN = 'PG_LNOORD'; // programme area Leidschendam-Noord
const IND = 'bijstand_huishoudens_pct';

let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  const db = t.db;
  const area = (
    code: string,
    vintage: number,
    level: 'gemeente' | 'wijk' | 'buurt' | 'programmagebied',
    name: string,
  ) => ({
    code,
    vintage,
    level,
    name,
    parent_code: null,
    gemeente_code: 'GM1916',
    geometry: null,
    bbox: null,
    source: 'test',
  });
  await db
    .insertInto('areas')
    .values([
      area('GM1916', 2022, 'gemeente', 'Leidschendam-Voorburg'),
      area(HN, 2022, 'buurt', 'De Heuvel noord'),
      area(PH, 2022, 'buurt', 'Prinsenhof hoog'),
      area(LN, 2022, 'programmagebied', 'Leidschendam-Noord'),
      area(HN, 2021, 'buurt', 'De Heuvel noord'), // same code, same area
      area(HN, 2019, 'buurt', 'Iets anders'), // same code, another area: its figures must not be used
    ])
    .execute();
  await db
    .insertInto('area_members')
    .values([
      { area_code: LN, vintage: 2022, member_code: HN },
      { area_code: LN, vintage: 2022, member_code: PH },
    ])
    .execute();
  await db
    .insertInto('indicators')
    .values({
      id: IND,
      name: 'Huishoudens met bijstand',
      unit: '%',
      polarity: 'lager_is_beter',
      decimals: 1,
      numerator_label: 'huishoudens met bijstand',
      denominator_label: 'huishoudens',
      min_denominator: 50,
      min_count: 5,
    })
    .execute();
  const obs = (
    area_code: string,
    vintage: number,
    year: number,
    numerator: number | null,
    denominator: number | null,
    extra: { value?: number | null; count_rounding?: number | null; confidential?: boolean } = {},
  ) => ({
    indicator_id: IND,
    area_code,
    vintage,
    period: String(year),
    year,
    value:
      extra.value !== undefined
        ? extra.value
        : numerator != null && denominator
          ? (numerator / denominator) * 100
          : null,
    numerator,
    denominator,
    count_rounding: extra.count_rounding ?? null,
    confidential: extra.confidential ?? false,
    source: 'gemeente Leidschendam-Voorburg',
  });
  await db
    .insertInto('observations')
    .values([
      obs(HN, 2019, 2019, 1, 760, { value: 0.1 }), // other area under the same code
      obs(HN, 2021, 2021, 150, 760),
      obs(HN, 2022, 2022, 140, 760),
      obs(HN, 2022, 2023, 3, 40), // te klein: denominator < 50
      obs(PH, 2022, 2021, 380, 2300),
      obs(PH, 2022, 2022, 360, 2300, { count_rounding: 10 }),
      obs(PH, 2022, 2023, 350, 2300),
      obs('GM1916', 2022, 2020, 2021, 31000),
      obs('GM1916', 2022, 2022, 1950, 31500),
    ])
    .execute();
  await db
    .insertInto('programmes')
    .values({
      id: 'sterk-voor-noord',
      name: 'Sterk voor Noord',
      gemeente_code: 'GM1916',
      start_year: 2021,
      horizon_years: 20,
      vintage: 2022,
      reference_area_code: 'GM1916',
    })
    .execute();
  await db
    .insertInto('programme_areas')
    .values([
      { programme_id: 'sterk-voor-noord', area_code: HN, role: 'focus', label: 'Heuvel Noord' },
      { programme_id: 'sterk-voor-noord', area_code: PH, role: 'focus', label: 'Prinsenhof hoog' },
      { programme_id: 'sterk-voor-noord', area_code: LN, role: 'programmagebied', label: 'L-Noord' },
    ])
    .execute();
  const target = (
    area_code: string,
    horizon: number,
    kind: 'absoluut' | 'referentieniveau',
    target_value: number,
  ) => ({
    programme_id: 'sterk-voor-noord',
    indicator_id: IND,
    area_code,
    horizon,
    target_year: horizon === 10 ? 2031 : 2041,
    kind,
    target_value,
    reference_area_code: kind === 'referentieniveau' ? 'GM1916' : null,
    baseline_year: 2020,
    baseline_value: area_code === HN ? 21 : 17,
    baseline_source: 'plan' as const,
  });
  await db
    .insertInto('targets')
    .values([
      target(HN, 10, 'absoluut', 13.5),
      target(HN, 20, 'referentieniveau', 6),
      target(PH, 10, 'absoluut', 11.5),
      {
        ...target(LN, 10, 'absoluut', 12),
        baseline_year: 2021,
        baseline_value: null,
        baseline_source: 'waarnemingen' as const,
      },
    ])
    .execute();
});

after(() => t.destroy());

function byArea(targets: TargetProgress[], code: string): TargetProgress {
  const found = targets.find((x) => x.area.code === code);
  assert.ok(found, code);
  return found;
}

describe(`getProgrammeProgress`, () => {
  test('returns null for a programme that does not exist', async () => {
    assert.equal(await getProgrammeProgress(t.db, 'bestaat-niet'), null);
  });

  test('judges every target with the plan baseline and the latest disclosed value, as the pure engine does', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    assert.ok(p);
    assert.equal(p.programme.referenceAreaCode, 'GM1916');
    const hn = byArea(p.targets, HN);
    assert.equal(hn.area.label, 'Heuvel Noord');
    assert.deepEqual(hn.baseline, { year: 2020, value: 21, numerator: null, source: 'plan', period: null });
    assert.deepEqual(
      hn.horizons.map((h) => h.target.horizon),
      [10, 20],
    );
    const h10 = hn.horizons[0];
    assert.ok(h10);
    const expected = judgeTarget({
      target: {
        kind: 'absoluut',
        horizon: 10,
        targetYear: 2031,
        targetValue: 13.5,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: { year: 2020, value: 21 },
      current: { year: 2022, value: (140 / 760) * 100 },
    });
    const { explanation, ...rest } = h10.judgement;
    const { explanation: expectedExplanation, ...expectedRest } = expected;
    assert.deepEqual(rest, expectedRest);
    // The card also says why 2023 is not the year judged.
    assert.deepEqual(explanation.slice(0, -1), expectedExplanation);
    assert.match(explanation.at(-1) ?? '', /2023 is geheim \/ te klein; beoordeeld is 2022/);
    assert.deepEqual(
      h10.history.map((j) => j.year),
      [2021, 2022],
    );
  });

  test('uses the reference area value of the same year for a reference-level target, and keeps the plan number', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    const hn = byArea(p?.targets ?? [], HN);
    assert.equal(hn.reference?.area.code, 'GM1916');
    assert.deepEqual(
      hn.reference?.series.map((o) => o.year),
      [2020, 2022],
    );
    const j = hn.horizons[1]?.judgement;
    assert.ok(j);
    assert.equal(j.method, 'referentieniveau');
    assert.equal(j.inputs.referenceAreaBaselineValue, (2021 / 31000) * 100);
    assert.equal(j.inputs.referenceAreaCurrentValue, (1950 / 31500) * 100);
    assert.equal(j.planReading?.inputs.targetValue, 6);
  });

  test('shows a suppressed observation as geheim / te klein and never leaks its figures', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    assert.ok(p);
    const hn = byArea(p.targets, HN);
    const y2023 = hn.series.find((o) => o.year === 2023);
    assert.equal(y2023?.value, null);
    assert.equal(y2023?.numerator, null);
    assert.equal(y2023?.suppressed?.reason, 'te_klein');
    assert.equal(hn.latest?.year, 2023);
    // The judgement stays at the last publishable year.
    assert.equal(hn.horizons[0]?.judgement.year, 2022);
    const text = JSON.stringify(p);
    assert.ok(!text.includes('7.5'), 'the suppressed 7,5% does not appear anywhere');
    assert.ok(!/"(numerator|denominator)":(3|40)\b/.test(text));
  });

  test('ignores figures filed under the same code for another area in another vintage', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    const hn = byArea(p?.targets ?? [], HN);
    assert.deepEqual(
      hn.series.map((o) => o.year),
      [2021, 2022, 2023],
    );
  });

  test('aggregates the programme area from member counts and takes its baseline from observations', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    const ln = byArea(p?.targets ?? [], LN);
    const y2021 = ln.series.find((o) => o.year === 2021);
    assert.equal(y2021?.value, ((150 + 380) / (760 + 2300)) * 100);
    assert.equal(y2021?.numerator, 530);
    assert.deepEqual(ln.baseline, {
      year: 2021,
      value: ((150 + 380) / (760 + 2300)) * 100,
      numerator: 530,
      source: 'waarnemingen',
      period: null,
    });
    // 2023: Heuvel Noord is suppressed, so no total (it would reveal Heuvel Noord by subtraction).
    const agg2023 = ln.aggregation?.years.find((y) => y.year === 2023);
    assert.equal(agg2023?.value, null);
    assert.deepEqual(agg2023?.missingMembers, [HN]);
    assert.equal(
      ln.series.find((o) => o.year === 2023),
      undefined,
    );
    // 2022: Prinsenhof hoog's counts are rounded to tens, so the total carries an interval.
    const j = ln.horizons[0]?.judgement;
    assert.equal(j?.year, 2022);
    assert.ok(j?.uncertainty?.intervals.currentValue);
  });

  test('carries the rounding of counts into the judgement', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord');
    const ph = byArea(p?.targets ?? [], PH);
    const interval = valueInterval({
      value: (360 / 2300) * 100,
      numerator: 360,
      denominator: 2300,
      valueRounding: null,
      countRounding: 10,
    });
    assert.deepEqual(
      ph.horizons[0]?.history.find((j) => j.year === 2022)?.uncertainty?.intervals.currentValue,
      interval,
    );
  });

  test('judges as of a requested year', async () => {
    const p = await getProgrammeProgress(t.db, 'sterk-voor-noord', { year: 2021 });
    assert.equal(p?.year, 2021);
    const hn = byArea(p?.targets ?? [], HN);
    assert.equal(hn.horizons[0]?.judgement.year, 2021);
    assert.equal(hn.latest?.year, 2021);
  });
});

describe('getAreaStatuses', () => {
  test('gives the status of every buurt with a target for the indicator and horizon', async () => {
    const m = await getAreaStatuses(t.db, {
      indicatorId: IND,
      vintage: 2022,
      level: 'buurt',
      gemeenteCode: 'GM1916',
      year: 2022,
      horizon: 10,
    });
    assert.deepEqual([...m.keys()].sort(), [PH, HN].sort());
    const hn = m.get(HN);
    assert.equal(hn?.judgement.year, 2022);
    assert.equal(hn?.targetYear, 2031);
    assert.equal(hn?.status, hn?.judgement.status);
  });
  test('reports onvoldoende gegevens (geheim / te klein) for a year whose value is suppressed', async () => {
    const m = await getAreaStatuses(t.db, {
      indicatorId: IND,
      programmeId: 'sterk-voor-noord',
      vintage: 2022,
      level: 'buurt',
      gemeenteCode: 'GM1916',
      year: 2023,
      horizon: 10,
    });
    const hn = m.get(HN);
    assert.equal(hn?.status, 'onvoldoende_gegevens');
    assert.match(hn?.judgement.explanation.join(' ') ?? '', /geheim \/ te klein/);
    assert.notEqual(m.get(PH)?.status, 'onvoldoende_gegevens');
  });
  test('has no entry for areas without a target at that horizon', async () => {
    const m = await getAreaStatuses(t.db, {
      indicatorId: IND,
      vintage: 2022,
      level: 'buurt',
      gemeenteCode: 'GM1916',
      year: 2022,
      horizon: 20,
    });
    assert.deepEqual([...m.keys()], [HN]);
  });
  test('covers programme areas as a level of their own', async () => {
    const m = await getAreaStatuses(t.db, {
      indicatorId: IND,
      vintage: 2022,
      level: 'programmagebied',
      gemeenteCode: 'GM1916',
      year: 2022,
      horizon: 10,
    });
    assert.deepEqual([...m.keys()], [LN]);
  });
});

describe('getAreaProgress', () => {
  test('returns null for an area that does not exist in that vintage', async () => {
    assert.equal(await getAreaProgress(t.db, HN, 1999), null);
  });
  test("lists the area's own targets and those of programme areas it belongs to", async () => {
    const a = await getAreaProgress(t.db, HN, 2022);
    assert.ok(a);
    assert.equal(a.area.name, 'De Heuvel noord');
    assert.deepEqual(
      a.targets.map((x) => [x.programme.id, x.area.code, x.horizons.length]),
      [['sterk-voor-noord', HN, 2]],
    );
    assert.deepEqual(
      a.memberOf.map((x) => x.area.code),
      [LN],
    );
  });
});
