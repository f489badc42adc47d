// Issue 12: client logic a programme manager and a partner read (pure functions, no DOM).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { searchAreas } from '../../client/src/profile/areaSearch.ts';
import { orderIndicatorIds, splitOwnRows } from '../../client/src/profile/compareRows.ts';
import { toLayerValues } from '../../client/src/shared/model.ts';

describe('map table', () => {
  test('a buurt the layer does not mention has no target: "Geen streefwaarde", not "Onvoldoende gegevens"', () => {
    const names = new Map([
      ['BU1', 'Met doel'],
      ['BU2', 'Zonder doel'],
    ]);
    const values = toLayerValues(
      {
        indicator: 'x',
        waarden: [
          {
            code: 'BU1',
            waarde: 5,
            teller: null,
            noemer: null,
            status: 'op_schema',
            statusLabel: 'Op schema',
            score: 1,
          },
        ],
      } as never,
      names,
    );
    assert.equal(values.find((v) => v.code === 'BU2')?.status, 'geen_streefwaarde');
    assert.equal(values.find((v) => v.code === 'BU1')?.status, 'op_schema');
  });
});

describe('area search', () => {
  const areas = [
    { code: 'WK191606', naam: 'De Heuvel / Amstelwijk', niveau: 'wijk' },
    { code: 'BU19160200', naam: 'Prinsenhof hoog', niveau: 'buurt' },
  ] as never[];
  test('the plan\'s spelling "amstelvijk" finds the wijk De Heuvel / Amstelwijk', () => {
    assert.deepEqual(
      searchAreas(areas, 'amstelvijk').map((a: { code: string }) => a.code),
      ['WK191606'],
    );
  });
  test('short queries are not matched loosely', () => {
    assert.deepEqual(searchAreas(areas, 'hoeg'), []);
  });
});

describe('profile order', () => {
  const catalogue = [
    { id: 'a_inkomen', thema: 'inkomen' },
    { id: 'b_inkomen', thema: 'inkomen' },
    { id: 'c_wonen', thema: 'wonen' },
    { id: 'd_zorg', thema: 'zorg' },
  ];
  test('the programme indicators first, then by theme, not by id', () => {
    assert.deepEqual(
      orderIndicatorIds(['d_zorg', 'c_wonen', 'b_inkomen', 'a_inkomen', 'x'], catalogue, new Set(['d_zorg'])),
      ['d_zorg', 'a_inkomen', 'b_inkomen', 'c_wonen', 'x'],
    );
  });
  test('rows without a figure of the area itself are split off (wijk-only series on a buurt page)', () => {
    const rows = [
      { indicator: 'own', cells: [{ waarde: 1, jaar: 2022, geheim: false }] },
      {
        indicator: 'wijk',
        cells: [
          { waarde: null, jaar: null, geheim: false },
          { waarde: 3, jaar: 2022, geheim: false },
        ],
      },
    ];
    const split = splitOwnRows(rows);
    assert.deepEqual(
      split.own.map((r) => r.indicator),
      ['own'],
    );
    assert.deepEqual(
      split.elsewhere.map((r) => r.indicator),
      ['wijk'],
    );
  });
});
