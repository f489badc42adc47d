// Issue 12: what the progress service tells a programme manager about "X% LV" targets and periods
// longer than a year. Real database (PGlite, or PostgreSQL when DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getProgrammeProgress } from '../../server/progress/progressService.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const HN = 'BU19160602';
const IND = 'bijstand_huishoudens_pct';
const SHM = 'schuldhulpmaatje_hulpvragen';
let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  const db = t.db;
  const area = (code: string, level: 'gemeente' | 'buurt', name: string) => ({
    code,
    vintage: 2022,
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
    .values([area('GM1916', 'gemeente', 'Leidschendam-Voorburg'), area(HN, 'buurt', 'De Heuvel noord')])
    .execute();
  await db
    .insertInto('indicators')
    .values([
      { id: IND, name: 'Huishoudens met bijstand', unit: '%', polarity: 'lager_is_beter', decimals: 1 },
      { id: SHM, name: 'Hulpvragen', unit: 'aantal', polarity: 'hoger_is_beter', decimals: 0 },
    ])
    .execute();
  const obs = (area_code: string, year: number, value: number) => ({
    indicator_id: IND,
    area_code,
    vintage: 2022,
    period: String(year),
    year,
    value,
    source: 'test',
  });
  // The buurt has 2023; the gemeente only up to 2022.
  await db
    .insertInto('observations')
    .values([
      obs(HN, 2022, 18),
      obs(HN, 2023, 17),
      obs('GM1916', 2020, 6),
      obs('GM1916', 2022, 5.4),
      { ...obs(HN, 2022, 44), indicator_id: SHM },
    ])
    .execute();
  await db
    .insertInto('programmes')
    .values({
      id: 'p',
      name: 'P',
      gemeente_code: 'GM1916',
      start_year: 2021,
      horizon_years: 20,
      vintage: 2022,
      reference_area_code: 'GM1916',
    })
    .execute();
  await db
    .insertInto('targets')
    .values({
      programme_id: 'p',
      indicator_id: IND,
      area_code: HN,
      horizon: 20,
      target_year: 2041,
      kind: 'referentieniveau',
      target_value: 6,
      reference_area_code: 'GM1916',
      baseline_year: 2020,
      baseline_value: 21,
      baseline_source: 'plan',
    })
    .execute();
  // Schuldhulpmaatje: 43 help requests over 2017 – Feb 2021, then 44 in one year.
  await db
    .insertInto('targets')
    .values({
      programme_id: 'p',
      indicator_id: SHM,
      area_code: HN,
      horizon: 10,
      target_year: 2031,
      kind: 'richting',
      direction: 'toename',
      target_value: null,
      baseline_year: 2021,
      baseline_value: 43,
      baseline_source: 'plan',
      baseline_period_start: '2017-01',
      baseline_period_end: '2021-02',
    })
    .execute();
});

after(() => t.destroy());

describe('reference-level targets', () => {
  test('a newer buurt year without a reference value is not judged: the latest year with both is, and the card says so', async () => {
    const p = await getProgrammeProgress(t.db, 'p');
    const j = p?.targets[0]?.horizons[0]?.judgement;
    assert.ok(j);
    assert.notEqual(j.status, 'onvoldoende_gegevens');
    assert.equal(j.year, 2022);
    assert.equal(j.inputs.referenceAreaCurrentValue, 5.4);
    assert.ok(
      j.explanation.some((l) => l.includes('geen waarde voor 2023') && l.includes('beoordeeld is 2022')),
      j.explanation.join('\n'),
    );
    // The plan's number is read for the same year.
    assert.equal(j.planReading?.year, 2022);
  });
});

describe('periods longer than a year', () => {
  test('a count over 2017 – Feb 2021 is compared per year with an annual count, and the card says so', async () => {
    const p = await getProgrammeProgress(t.db, 'p');
    const tp = p?.targets.find((x) => x.indicator.id === SHM);
    assert.ok(tp?.baseline);
    assert.equal(tp.baseline.value, 43);
    assert.equal(tp.baseline.period?.label, '2017 – feb. 2021');
    assert.ok(Math.abs((tp.baseline.period?.years ?? 0) - 50 / 12) < 1e-9);
    assert.ok(Math.abs((tp.baseline.period?.perYear ?? 0) - 43 / (50 / 12)) < 1e-9);
    const j = tp.horizons[0]?.judgement;
    assert.ok(j);
    // 44 a year against about 10 a year: well on the way, not "versnelling nodig".
    assert.equal(j.status, 'op_schema');
    assert.ok(Math.abs((j.inputs.baselineValue ?? 0) - 10.32) < 0.01);
    assert.ok(
      j.explanation[0]?.includes('43 telt over 2017 – feb. 2021 (4,2 jaar): 10,3 per jaar'),
      j.explanation[0],
    );
  });
});
