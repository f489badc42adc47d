import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { budgetDifferences } from '../../server/plan/budgetChecks.ts';
import { halfYearLabel, parseHalfYear, runsIn, timelineHalfYears } from '../../server/plan/halfYear.ts';
import { checkPlanDefinition, planDefinitionSchema } from '../../server/plan/planDefinition.ts';

describe('half years and plan periods', () => {
  it('parses and names half years, refusing anything else', () => {
    assert.deepEqual(parseHalfYear('2026-H1'), { year: 2026, half: 1 });
    assert.equal(parseHalfYear('2026-H3'), undefined);
    assert.equal(parseHalfYear('2026'), undefined);
    assert.equal(halfYearLabel('2026-H2'), '2e helft 2026');
  });

  it('a year as start means its first half, as end its second half; no end is open', () => {
    const plan = { start: '2022-H2', end: '2024' };
    assert.equal(runsIn(plan, '2022-H1'), false);
    assert.equal(runsIn(plan, '2022-H2'), true);
    assert.equal(runsIn(plan, '2024-H2'), true);
    assert.equal(runsIn(plan, '2025-H1'), false);
    assert.equal(runsIn({ start: '2023', end: null }, '2040-H1'), true);
    assert.equal(runsIn({ start: '2023', end: null }, '2022-H2'), false);
  });

  it('the timeline runs from the earliest start to the latest end or the current half year', () => {
    assert.deepEqual(
      timelineHalfYears(
        [
          { start: '2022', end: '2022' },
          { start: '2023', end: null },
        ],
        { year: 2023, half: 2 },
      ),
      ['2022-H1', '2022-H2', '2023-H1', '2023-H2'],
    );
    assert.deepEqual(timelineHalfYears([{ start: null, end: null }], { year: 2023, half: 1 }), []);
  });
});

describe('the plan in a definition file', () => {
  const plan = planDefinitionSchema.parse({
    doelen: [{ code: '1', titel: 'Doel', indicatoren: ['x'], subdoelen: [{ code: '1a', titel: 'Sub' }] }],
    inspanningen: [
      { code: 'A', wat: 'Iets', doelen: ['1a'], gebieden: ['GM0546'] },
      { code: 'B', wat: 'Iets anders', doelen: ['2'], wanneer: { start: '2024', eind: '2023' } },
    ],
    begroting: [{ soort: 'begroting', doel: '9', omschrijving: 'Post', bedrag: 1 }],
  });

  it('names every broken cross-reference', () => {
    assert.deepEqual(checkPlanDefinition(plan, { indicators: [], areas: [] }), [
      'doel 1: indicator x staat niet in indicators van het programma',
      'inspanning A: onbekend gebied GM0546',
      'inspanning B: onbekend doel 2',
      'inspanning B: eind 2023 ligt vóór start 2024',
      'begrotingsregel Post: onbekend doel 9',
    ]);
  });

  it('refuses a period bound that is neither a year nor a half year', () => {
    assert.equal(
      planDefinitionSchema.safeParse({
        doelen: [],
        inspanningen: [{ code: 'A', wat: 'x', wanneer: { start: 'Q1 2024' } }],
      }).success,
      false,
    );
  });
});

describe('printed budget totals', () => {
  it('reports the years whose printed total differs from the sum of the lines', () => {
    const lines = [
      { soort: 'begroting' as const, omschrijving: 'A', jaar: 2024, bedrag: 300 },
      { soort: 'begroting' as const, omschrijving: 'B', jaar: 2024, bedrag: 200 },
      { soort: 'begroting' as const, omschrijving: 'A', jaar: 2025, bedrag: 100 },
      { soort: 'totaal' as const, omschrijving: 'Totaal', jaar: 2024, bedrag: 450 },
      { soort: 'totaal' as const, omschrijving: 'Totaal', jaar: 2025, bedrag: 100 },
    ];
    assert.deepEqual(budgetDifferences(lines), [{ jaar: 2024, gedrukt: 450, som: 500 }]);
  });
});
