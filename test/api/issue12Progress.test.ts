// Issue 12: what the progress service tells a programme manager about "X% LV" targets and periods
// longer than a year. Real database (PGlite, or PostgreSQL when DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getProgrammeProgress } from '../../server/progress/progressService.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

const HN = 'BU19160602';
const IND = 'bijstand_huishoudens_pct';
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
    .values({ id: IND, name: 'Huishoudens met bijstand', unit: '%', polarity: 'lager_is_beter', decimals: 1 })
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
    .values([obs(HN, 2022, 18), obs(HN, 2023, 17), obs('GM1916', 2020, 6), obs('GM1916', 2022, 5.4)])
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
