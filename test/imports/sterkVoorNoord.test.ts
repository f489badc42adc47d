import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import type { TestDatabase } from '../support/testDatabase.ts';
import { createTestDatabase } from '../support/testDatabase.ts';

type Expected = [
  indicator: string,
  area: string,
  horizon: number,
  kind: string,
  value: number | null,
  extra: string | null,
  planText: string,
  baselineYear: number,
  baselineValue: number,
  baselineNumerator?: number,
];

// Every target of seed 003 ("Resultaten"), read cell by cell: the two numbers of the 10-year
// column belong to the two areas in the order of "Recente gegevens".
const SEED_003_TARGETS: Expected[] = [
  ['bijstand_huishoudens_pct', 'BU19160602', 10, 'absoluut', 13.5, null, '13.5%', 2020, 21, 160],
  ['bijstand_huishoudens_pct', 'BU19160200', 10, 'absoluut', 11.5, null, '11.5%', 2020, 17, 391],
  ['bijstand_huishoudens_pct', 'BU19160602', 20, 'referentieniveau', 6, 'GM1916', '6% LV', 2020, 21, 160],
  ['bijstand_huishoudens_pct', 'BU19160200', 20, 'referentieniveau', 6, 'GM1916', '6% LV', 2020, 17, 391],
  ['bijstand_langer_dan_een_jaar_pct', 'BU19160602', 10, 'absoluut', 12, null, '12%', 2020, 19],
  ['bijstand_langer_dan_een_jaar_pct', 'BU19160200', 10, 'absoluut', 10, null, '10%', 2020, 15],
  ['bijstand_langer_dan_een_jaar_pct', 'BU19160602', 20, 'referentieniveau', 5, 'GM1916', '5% LV', 2020, 19],
  ['bijstand_langer_dan_een_jaar_pct', 'BU19160200', 20, 'referentieniveau', 5, 'GM1916', '5% LV', 2020, 15],
  ['huishoudens_tot_110_sociaal_minimum_pct', 'BU19160602', 10, 'absoluut', 20, null, '20%', 2017, 30],
  ['huishoudens_tot_110_sociaal_minimum_pct', 'BU19160200', 10, 'absoluut', 15.5, null, '15.5%', 2017, 21],
  [
    'huishoudens_tot_110_sociaal_minimum_pct',
    'BU19160602',
    20,
    'referentieniveau',
    10,
    'GM1916',
    '10% LV',
    2017,
    30,
  ],
  [
    'huishoudens_tot_110_sociaal_minimum_pct',
    'BU19160200',
    20,
    'referentieniveau',
    10,
    'GM1916',
    '10% LV',
    2017,
    21,
  ],
  [
    'schuldhulpmaatje_hulpvragen',
    'PG_LEIDSCHENDAM_NOORD',
    10,
    'richting',
    null,
    'toename',
    'Toename beoogd (preventie)',
    2021,
    43,
  ],
  [
    'schuldhulpmaatje_hulpvragen',
    'PG_LEIDSCHENDAM_NOORD',
    20,
    'richting',
    null,
    'toename',
    'Toename beoogd (preventie)',
    2021,
    43,
  ],
  ['niet_werkend_werkzoekend_pct', 'BU19160200', 10, 'absoluut', 13, null, '13%', 2018, 18.3],
  [
    'niet_werkend_werkzoekend_pct',
    'BU19160200',
    20,
    'referentieniveau',
    7.6,
    'GM1916',
    '7.6 % LV',
    2018,
    18.3,
  ],
  ['ervaren_gezondheid_gaat_wel_pct', 'WK191602', 10, 'absoluut', 22, null, '22%', 2019, 25],
  ['ervaren_gezondheid_gaat_wel_pct', 'WK191606', 10, 'absoluut', 23, null, '23%', 2019, 28],
  ['ervaren_gezondheid_gaat_wel_pct', 'WK191602', 20, 'referentieniveau', 19, 'GM1916', '19% LV', 2019, 25],
  ['ervaren_gezondheid_gaat_wel_pct', 'WK191606', 20, 'referentieniveau', 19, 'GM1916', '19% LV', 2019, 28],
];

describe('Sterk voor Noord from geodata/programmes, loaded at start-up without data', () => {
  let database: TestDatabase;
  const context = () => ({
    db: database.db,
    config: { ...readConfig({}), sourceDataDir: undefined },
    logger: createLogger('silent'),
  });
  before(async () => {
    database = await createTestDatabase();
    await bootstrap(context());
  });
  after(async () => {
    await database.destroy();
  });

  it('has the programme with its vintage, reference area, start year and horizon', async () => {
    const programme = await database.db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', 'sterk-voor-noord')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [
        programme.name,
        programme.gemeente_code,
        programme.reference_area_code,
        programme.start_year,
        programme.horizon_years,
        programme.vintage,
      ],
      ['Sterk voor Noord', 'GM1916', 'GM1916', 2021, 20, 2022],
    );
  });

  it("has the focus areas with the plan's labels and the programme area Leidschendam-Noord", async () => {
    const areas = await database.db
      .selectFrom('programme_areas')
      .selectAll()
      .where('programme_id', '=', 'sterk-voor-noord')
      .orderBy('sort_order')
      .execute();
    assert.deepEqual(
      areas.map((area) => [area.area_code, area.role, area.label]),
      [
        ['BU19160200', 'focus', 'Prinsenhof hoog'],
        ['BU19160602', 'focus', 'Heuvel Noord'],
        ['WK191602', 'focus', 'Prinsenhof'],
        ['WK191606', 'focus', 'Heuvel/Amstelvijk'],
        ['PG_LEIDSCHENDAM_NOORD', 'programmagebied', 'L-Noord'],
      ],
    );
    const members = await database.db
      .selectFrom('area_members')
      .select('member_code')
      .where('area_code', '=', 'PG_LEIDSCHENDAM_NOORD')
      .orderBy('member_code')
      .execute();
    assert.deepEqual(
      members.map((member) => member.member_code),
      ['BU19160200', 'BU19160201', 'BU19160600', 'BU19160601', 'BU19160602'],
    );
    const area = await database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', 'PG_LEIDSCHENDAM_NOORD')
      .executeTakeFirstOrThrow();
    assert.deepEqual([area.level, area.name, area.vintage], ['programmagebied', 'Leidschendam-Noord', 2022]);
  });

  it('has every target of seed 003 with the right kind, values, years and plan text', async () => {
    const targets = await database.db
      .selectFrom('targets')
      .selectAll()
      .where('programme_id', '=', 'sterk-voor-noord')
      .execute();
    assert.equal(targets.length, SEED_003_TARGETS.length);
    for (const [
      indicator,
      area,
      horizon,
      kind,
      value,
      extra,
      planText,
      baselineYear,
      baselineValue,
      baselineNumerator,
    ] of SEED_003_TARGETS) {
      const target = targets.find(
        (row) => row.indicator_id === indicator && row.area_code === area && row.horizon === horizon,
      );
      assert.ok(target, `target ${indicator} ${area} ${horizon}`);
      assert.equal(target.kind, kind, `${indicator} ${area} ${horizon}`);
      assert.equal(target.target_value, value, `${indicator} ${area} ${horizon}`);
      assert.equal(target.target_year, horizon === 10 ? 2031 : 2041);
      assert.equal(target.plan_text, planText);
      assert.equal(
        kind === 'referentieniveau'
          ? target.reference_area_code
          : kind === 'richting'
            ? target.direction
            : null,
        extra,
      );
      assert.deepEqual(
        [target.baseline_year, target.baseline_value, target.baseline_numerator],
        [baselineYear, baselineValue, baselineNumerator ?? null],
      );
      assert.equal(target.baseline_source, 'plan');
    }
  });

  it('links the monitoring indicators without targets', async () => {
    const linked = await database.db
      .selectFrom('programme_indicators')
      .selectAll()
      .where('programme_id', '=', 'sterk-voor-noord')
      .orderBy('sort_order')
      .execute();
    assert.equal(linked.filter((row) => row.role === 'resultaat').length, 6);
    assert.deepEqual(
      linked.filter((row) => row.role === 'monitoring').map((row) => [row.indicator_id, row.level]),
      [
        ['vrijwilligerswerk_pct', 'wijk'],
        ['meedoen_pct', 'wijk'],
        ['arbeidsparticipatie_20_64_pct', 'buurt'],
      ],
    );
  });

  it("stores the plan's baselines as observations from the plan", async () => {
    const baseline = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('area_code', '=', 'BU19160602')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [baseline.period, baseline.value, baseline.numerator, baseline.value_rounding],
      ['2020', 21, 160, 1],
    );
    assert.equal(baseline.source, 'Uitvoeringsplan Sterk voor Noord (gemeente Leidschendam-Voorburg)');
    const lv = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('indicator_id', '=', 'bijstand_huishoudens')
      .where('area_code', '=', 'GM1916')
      .executeTakeFirstOrThrow();
    assert.equal(lv.value, 2021);
    const count = await database.db
      .selectFrom('observations')
      .select('id')
      .where('source', '=', baseline.source)
      .execute();
    assert.equal(count.length, 13);
  });

  it('never overwrites a programme that exists (edited in beheer)', async () => {
    await database.db
      .updateTable('targets')
      .set({ target_value: 14 })
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('area_code', '=', 'BU19160602')
      .where('horizon', '=', 10)
      .execute();
    await bootstrap(context());
    const target = await database.db
      .selectFrom('targets')
      .select('target_value')
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('area_code', '=', 'BU19160602')
      .where('horizon', '=', 10)
      .executeTakeFirstOrThrow();
    assert.equal(target.target_value, 14);
    const imports = await database.db
      .selectFrom('imports')
      .select('id')
      .where('kind', '=', 'programma')
      .where('file_name', '=', 'geodata/programmes/sterk-voor-noord.json')
      .execute();
    assert.equal(imports.length, 1);
  });
});
