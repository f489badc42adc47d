import type { Db } from '../../server/db/createDatabase.ts';
import type { NewArea } from '../../server/db/Database.ts';

// A small, hand-made slice of GM1916 (Leidschendam-Voorburg) for the API tests: real codes and
// names, made-up geometry (squares) and figures chosen so each behaviour under test shows up.

const square = (x: number, y: number, size = 0.01) => ({
  geometry: JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  }),
  bbox: JSON.stringify([x, y, x + size, y + size]),
});

const area = (
  code: string,
  vintage: number,
  level: NewArea['level'],
  name: string,
  parent: string | null,
  x = 4.39,
  y = 52.08,
): NewArea => ({
  code,
  vintage,
  level,
  name,
  parent_code: parent,
  gemeente_code: level === 'land' ? null : 'GM1916',
  source: 'CBS/Kadaster, Wijk- en buurtkaart (testgegevens)',
  ...square(x, y),
});

export const FIXTURE = {
  gemeente: 'GM1916',
  programme: 'sterk-voor-noord',
  programmeArea: 'PG1916LN',
  bijstand: 'bijstand_huishoudens_pct',
  inwoners: 'inwoners',
  groei: 'bevolkingsgroei_pct',
  buurten2022: ['BU19160200', 'BU19160201', 'BU19160600', 'BU19160601', 'BU19160602'],
  /** BU19160601 Amstelwijk 2020: 5 of 320 households, below the minimum count of 10. */
  suppressedArea: 'BU19160601',
  suppressedNumerator: 5,
  /** 5 / 320: a value distinctive enough to search every output for. */
  suppressedValue: 1.5625,
  /** The suppressed observation's earlier value (7 / 320), also below the rule. */
  suppressedRevisionValue: 2.1875,
  /** BU19160600 De Heuvel zuid 2020: CBS published ".". */
  confidentialArea: 'BU19160600',
} as const;

export interface Fixture {
  observationIds: Record<string, number>;
}

/** Inserts the fixture; returns the ids tests refer to. */
export async function loadFixtures(db: Db): Promise<Fixture> {
  await db
    .insertInto('areas')
    .values([
      { ...area('NL00', 2022, 'land', 'Nederland', null), gemeente_code: null },
      area('GM1916', 2022, 'gemeente', 'Leidschendam-Voorburg', 'NL00'),
      area('WK191602', 2022, 'wijk', 'Prinsenhof', 'GM1916'),
      area('WK191606', 2022, 'wijk', 'De Heuvel / Amstelwijk', 'GM1916'),
      area('BU19160200', 2022, 'buurt', 'Prinsenhof hoog', 'WK191602', 4.4, 52.09),
      area('BU19160201', 2022, 'buurt', 'Prinsenhof laag', 'WK191602', 4.41, 52.09),
      area('BU19160600', 2022, 'buurt', 'De Heuvel zuid', 'WK191606', 4.42, 52.09),
      area('BU19160601', 2022, 'buurt', 'Amstelwijk', 'WK191606', 4.43, 52.09),
      area('BU19160602', 2022, 'buurt', 'De Heuvel noord', 'WK191606', 4.44, 52.09),
      area('PG1916LN', 2022, 'programmagebied', 'Leidschendam-Noord', 'GM1916'),
      // The 2017 indeling: De Heuvel was one buurt before it was split.
      area('GM1916', 2017, 'gemeente', 'Leidschendam-Voorburg', null),
      area('WK191602', 2017, 'wijk', 'Prinsenhof', 'GM1916'),
      area('WK191606', 2017, 'wijk', 'De Heuvel / Amstelwijk', 'GM1916'),
      area('BU19160200', 2017, 'buurt', 'Prinsenhof hoog', 'WK191602', 4.4, 52.09),
      area('BU19160600', 2017, 'buurt', 'De Heuvel', 'WK191606', 4.42, 52.09),
    ])
    .execute();
  await db
    .insertInto('area_members')
    .values([
      { area_code: 'PG1916LN', vintage: 2022, member_code: 'BU19160200' },
      { area_code: 'PG1916LN', vintage: 2022, member_code: 'BU19160602' },
    ])
    .execute();

  await db
    .insertInto('indicators')
    .values([
      {
        id: FIXTURE.bijstand,
        name: 'Huishoudens met bijstand',
        short_name: 'Bijstand',
        unit: '%',
        polarity: 'lager_is_beter',
        decimals: 1,
        definition: 'Aandeel huishoudens met een bijstandsuitkering.',
        source: 'Gemeente Leidschendam-Voorburg, Sociaal Domein',
        theme: 'Inkomen',
        numerator_label: 'huishoudens met bijstand',
        denominator_label: 'huishoudens',
        min_denominator: 50,
        min_count: 10,
      },
      {
        id: FIXTURE.inwoners,
        name: 'Inwoners',
        unit: 'aantal',
        polarity: 'neutraal',
        decimals: 0,
        definition: 'Aantal inwoners op 1 januari.',
        source: 'CBS, Kerncijfers wijken en buurten',
        theme: 'Bevolking',
      },
      {
        id: FIXTURE.groei,
        name: 'Bevolkingsgroei',
        unit: '%',
        polarity: 'neutraal',
        decimals: 1,
        definition: 'Groei van het aantal inwoners ten opzichte van het jaar ervoor.',
        source: 'CBS, Kerncijfers wijken en buurten',
        theme: 'Bevolking',
      },
    ])
    .execute();

  const obs = (
    indicator: string,
    code: string,
    vintage: number,
    period: string,
    value: number | null,
    numerator: number | null = null,
    denominator: number | null = null,
    extra: { confidential?: boolean; provisional?: boolean; count_rounding?: number; source?: string } = {},
  ) => ({
    indicator_id: indicator,
    area_code: code,
    vintage,
    period,
    year: Number(period.slice(-4)),
    value,
    numerator,
    denominator,
    source: extra.source ?? 'Gemeente Leidschendam-Voorburg, Sociaal Domein',
    confidential: extra.confidential ?? false,
    provisional: extra.provisional ?? false,
    count_rounding: extra.count_rounding ?? null,
  });
  const b = FIXTURE.bijstand;
  const cbs = { source: 'CBS, Kerncijfers wijken en buurten 2022 (85318NED)' };
  const inserted = await db
    .insertInto('observations')
    .values([
      obs(b, 'BU19160200', 2022, '2020', 17, 391, 2300),
      obs(b, 'BU19160602', 2022, '2020', 21, 160, 762),
      obs(b, FIXTURE.suppressedArea, 2022, '2020', FIXTURE.suppressedValue, FIXTURE.suppressedNumerator, 320),
      obs(b, FIXTURE.confidentialArea, 2022, '2020', null, null, null, { confidential: true }),
      obs(b, 'GM1916', 2022, '2020', 5.5, 2021, 36944),
      obs(b, 'BU19160200', 2022, '2022', 16.2, 370, 2284, { provisional: true, count_rounding: 10 }),
      obs(b, 'BU19160200', 2017, '2017', 18.5, 410, 2215),
      obs(FIXTURE.inwoners, 'BU19160200', 2022, '2022', 4670, null, null, cbs),
      obs(FIXTURE.inwoners, 'BU19160201', 2022, '2022', 1095, null, null, cbs),
      obs(FIXTURE.inwoners, 'GM1916', 2022, '2022', 78229, null, null, cbs),
      obs(FIXTURE.groei, 'BU19160200', 2022, '2022', -1.25, null, null, cbs),
      obs(FIXTURE.groei, 'BU19160201', 2022, '2022', 0.5, null, null, cbs),
    ])
    .returning(['id', 'indicator_id', 'area_code', 'period'])
    .execute();
  const observationIds = Object.fromEntries(
    inserted.map((row) => [`${row.indicator_id}/${row.area_code}/${row.period}`, row.id]),
  );

  // A corrected value: 2020 Prinsenhof hoog was first imported as 18% (414 of 2300).
  const corrected = observationIds[`${b}/BU19160200/2020`]!;
  await db
    .insertInto('observation_revisions')
    .values([
      {
        observation_id: corrected,
        value: 18,
        numerator: 414,
        denominator: 2300,
        provisional: true,
        confidential: false,
        source: 'Gemeente Leidschendam-Voorburg, Sociaal Domein (voorlopig)',
        valid_from: '2021-03-01T00:00:00Z',
        replaced_at: '2021-09-01T00:00:00Z',
        replaced_by: 'beheerder',
      },
    ])
    .execute();
  // A revision whose old figures were below the disclosure rule: they must stay hidden too.
  const suppressedObs = observationIds[`${b}/${FIXTURE.suppressedArea}/2020`]!;
  await db
    .insertInto('observation_revisions')
    .values([
      {
        observation_id: suppressedObs,
        value: FIXTURE.suppressedRevisionValue,
        numerator: 7,
        denominator: 320,
        provisional: false,
        confidential: false,
        source: 'Gemeente Leidschendam-Voorburg, Sociaal Domein',
        valid_from: '2021-03-01T00:00:00Z',
        replaced_at: '2021-09-01T00:00:00Z',
        replaced_by: 'beheerder',
      },
    ])
    .execute();

  await db
    .insertInto('programmes')
    .values({
      id: FIXTURE.programme,
      name: 'Sterk voor Noord',
      description: 'Leidschendam-Noord sterker maken.',
      gemeente_code: 'GM1916',
      start_year: 2021,
      horizon_years: 20,
      vintage: 2022,
      reference_area_code: 'GM1916',
      source_document: 'Programmaplan Sterk voor Noord',
    })
    .execute();
  await db
    .insertInto('programme_areas')
    .values([
      {
        programme_id: FIXTURE.programme,
        area_code: 'BU19160200',
        role: 'focus',
        label: 'Prinsenhof hoog',
        sort_order: 1,
      },
      {
        programme_id: FIXTURE.programme,
        area_code: 'BU19160602',
        role: 'focus',
        label: 'Heuvel Noord',
        sort_order: 2,
      },
      {
        programme_id: FIXTURE.programme,
        area_code: 'PG1916LN',
        role: 'programmagebied',
        label: 'L-Noord',
        sort_order: 3,
      },
    ])
    .execute();
  await db
    .insertInto('targets')
    .values([
      {
        programme_id: FIXTURE.programme,
        indicator_id: b,
        area_code: 'BU19160200',
        horizon: 10,
        target_year: 2031,
        kind: 'absoluut',
        target_value: 13.5,
        baseline_year: 2020,
        baseline_value: 17,
        baseline_numerator: 391,
        plan_text: '13,5%',
      },
      {
        programme_id: FIXTURE.programme,
        indicator_id: b,
        area_code: 'BU19160200',
        horizon: 20,
        target_year: 2041,
        kind: 'referentieniveau',
        target_value: 6,
        reference_area_code: 'GM1916',
        baseline_year: 2020,
        baseline_value: 17,
        baseline_numerator: 391,
        plan_text: '6% LV',
      },
    ])
    .execute();
  return { observationIds };
}

/** A 400/404 answer is problem+json; for 400 the invalid parameters are exactly the ones named. */
export function assertProblem(
  res: {
    status: number;
    headers: Record<string, string>;
    body: { status?: number; invalidParams?: { name: string }[] };
  },
  status: number,
  invalidParamNames?: string[],
): void {
  if (res.status !== status)
    throw new Error(`expected status ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  if (!/application\/problem\+json/.test(res.headers['content-type'] ?? '')) {
    throw new Error(`expected application/problem+json, got ${res.headers['content-type']}`);
  }
  if (res.body.status !== status) throw new Error(`problem.status is ${res.body.status}, expected ${status}`);
  if (invalidParamNames) {
    const names = (res.body.invalidParams ?? []).map((param) => param.name).sort();
    const expected = [...invalidParamNames].sort();
    if (JSON.stringify(names) !== JSON.stringify(expected)) {
      throw new Error(`invalidParams ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
    }
  }
}
