// Issue 12: client logic a programme manager and a partner read (pure functions, no DOM).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { searchAreas } from '../../client/src/profile/areaSearch.ts';
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
