import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  layerPaint,
  nameOrder,
  sortValues,
  vintageForYear,
  yearOfPeriod,
} from '../../client/src/map/layerPaint.ts';
import { searchAreas } from '../../client/src/profile/areaSearch.ts';
import { valueScale } from '../../client/src/shared/colourScale.ts';
import type { Gebied, LayerValue } from '../../client/src/shared/model.ts';
import { programmeBuurten } from '../../client/src/shared/model.ts';
import { href } from '../../client/src/shared/router.tsx';
import { STATUS_STYLES } from '../../client/src/shared/status.ts';

const v = (
  code: string,
  naam: string,
  waarde: number | null,
  extra: Partial<LayerValue> = {},
): LayerValue => ({
  code,
  naam,
  waarde,
  status: 'onvoldoende_gegevens',
  geheim: false,
  reden: null,
  ...extra,
});

const values = [
  v('BU1', 'Prinsenhof hoog', 13.5, { status: 'op_schema' }),
  v('BU2', 'Amstelwijk', 5),
  v('BU3', 'De Heuvel noord', null),
  v('BU4', 'Kern Stompwijk', null, { geheim: true, reden: 'te klein' }),
];

test('missing and suppressed areas get a pattern class, never a colour', () => {
  const paint = layerPaint(values, 'waarde', valueScale(values.map((x) => x.waarde)));
  assert.equal(paint.get('BU3')?.klasse, 'geen');
  assert.equal(paint.get('BU3')?.kleur, null);
  assert.equal(paint.get('BU4')?.klasse, 'geheim');
  assert.equal(paint.get('BU4')?.kleur, null);
  assert.equal(paint.get('BU1')?.klasse, 'waarde');
});

test('progress colouring uses the status palette', () => {
  const paint = layerPaint(values, 'voortgang', valueScale([1]));
  assert.equal(paint.get('BU1')?.kleur, STATUS_STYLES.op_schema.colour);
  assert.equal(paint.get('BU2')?.kleur, STATUS_STYLES.onvoldoende_gegevens.colour);
});

test('the vintage follows the year by the rule the server gives (GET /indelingen)', () => {
  const regels = [
    { vanJaar: null, totEnMetJaar: 2018, indeling: 2017 },
    { vanJaar: 2019, totEnMetJaar: null, indeling: 2022 },
  ];
  assert.equal(vintageForYear(2009, regels), 2017);
  assert.equal(vintageForYear(2018, regels), 2017);
  assert.equal(vintageForYear(2019, regels), 2022);
  assert.equal(vintageForYear(2031, regels), 2022);
  assert.equal(vintageForYear(2019, []), null);
  assert.equal(yearOfPeriod('2019H1'), 2019);
  assert.equal(yearOfPeriod('2017-2021'), 2021);
});

test('sorting by value puts missing values last in both directions', () => {
  assert.deepEqual(
    sortValues(values, 'waarde', true).map((x) => x.code),
    ['BU2', 'BU1', 'BU3', 'BU4'],
  );
  assert.deepEqual(
    sortValues(values, 'waarde', false).map((x) => x.code),
    ['BU1', 'BU2', 'BU3', 'BU4'],
  );
  assert.deepEqual(
    sortValues(values, 'naam', true).map((x) => x.naam),
    ['Amstelwijk', 'De Heuvel noord', 'Kern Stompwijk', 'Prinsenhof hoog'],
  );
});

const area = (code: string, naam: string, niveau = 'buurt'): Gebied => ({
  code,
  naam,
  niveau: niveau as Gebied['niveau'],
  indeling: 2022,
  ouder: null,
  gemeente: 'GM1916',
  bbox: null,
});

test('area search matches name starts first, ignores case and accents', () => {
  const areas = [
    area('BU19160300', "'t Lien zuid"),
    area('BU19160200', 'Prinsenhof hoog'),
    area('BU19160201', 'Prinsenhof laag'),
    area('WK191602', 'Prinsenhof', 'wijk'),
    area('BU19160503', 'Zeeheldenwijk'),
  ];
  assert.deepEqual(
    searchAreas(areas, 'prinsen').map((a) => a.code),
    ['WK191602', 'BU19160200', 'BU19160201'],
  );
  assert.deepEqual(
    searchAreas(areas, 'lien').map((a) => a.code),
    ['BU19160300'],
  );
  assert.deepEqual(
    searchAreas(areas, 'held').map((a) => a.code),
    ['BU19160503'],
  );
  assert.deepEqual(
    searchAreas(areas, 'BU19160201').map((a) => a.code),
    ['BU19160201'],
  );
});

test('a programme wijk is outlined as the buurten in it', () => {
  const detail = {
    gebieden: [
      { code: 'BU19160602', naam: null, niveau: 'buurt', rol: 'focus', label: 'Heuvel Noord' },
      { code: 'WK191602', naam: null, niveau: 'wijk', rol: 'focus', label: 'Prinsenhof' },
    ],
  } as unknown as Parameters<typeof programmeBuurten>[0];
  assert.deepEqual(
    programmeBuurten(detail, ['BU19160200', 'BU19160201', 'BU19160300', 'BU19160602']).sort(),
    ['BU19160200', 'BU19160201', 'BU19160602'],
  );
});

test('URLs leave out empty parameters', () => {
  assert.equal(
    href('/kaart', { indicator: 'inwoners', periode: 2024, gebied: null, kleur: '' }),
    '/kaart?indicator=inwoners&periode=2024',
  );
  assert.equal(href('/data'), '/data');
});

test('sorting by name with the order made once gives the same rows as comparing names', () => {
  const names = ["'s-Gravenhage", 'IJsselstein', 'Ede', 'Édes', 'aa', 'Zuid', 'Noord 2', 'Noord 10', 'ede'];
  const values = names.map((naam, i) => ({
    code: `BU${i}`,
    naam,
    waarde: i % 3 === 0 ? null : i,
    status: 'onzeker' as const,
    geheim: false,
    reden: null,
  }));
  const order = nameOrder(names);
  for (const key of ['naam', 'waarde', 'status'] as const) {
    for (const ascending of [true, false]) {
      assert.deepEqual(
        sortValues(values, key, ascending, order).map((v) => v.code),
        sortValues(values, key, ascending).map((v) => v.code),
        `${key} ${ascending}`,
      );
    }
  }
  // A name the order does not know: compared as names, not dropped.
  const extra = [...values, { ...values[0]!, code: 'BU99', naam: 'Bergen' }];
  assert.equal(sortValues(extra, 'naam', true, order).length, extra.length);
  assert.deepEqual(
    sortValues(extra, 'naam', true, order).map((v) => v.code),
    sortValues(extra, 'naam', true).map((v) => v.code),
  );
});
