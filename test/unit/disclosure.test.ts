// Disclosure control: the one function every output calls before a figure leaves the server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  discloseByIndicator,
  discloseObservation,
  discloseObservations,
  disclosureRuleOf,
  SUPPRESSED_LABEL,
} from '../../server/disclosure/applyDisclosure.ts';
import {
  type AreaSum,
  areaSums,
  type HierarchyObservation,
  secondarySuppressions,
} from '../../server/disclosure/secondarySuppression.ts';

const rule = { minDenominator: 50, minCount: 5 };
const obs = (numerator: number | null, denominator: number | null, confidential = false) => ({
  id: 7,
  area_code: 'BU19160602',
  period: '2022',
  value: numerator != null && denominator ? (numerator / denominator) * 100 : null,
  numerator,
  denominator,
  confidential,
});

describe('discloseObservation', () => {
  test('publishes an observation that meets the rule unchanged', () => {
    const o = obs(160, 762);
    assert.deepEqual(discloseObservation(rule, o), { ...o, suppressed: null });
  });
  test('publishes a denominator exactly at the minimum', () => {
    assert.equal(discloseObservation(rule, obs(10, 50)).suppressed, null);
  });
  test('suppresses a denominator below the minimum as te klein, removing value, numerator and denominator', () => {
    const d = discloseObservation(rule, obs(10, 49));
    assert.equal(d.value, null);
    assert.equal(d.numerator, null);
    assert.equal(d.denominator, null);
    assert.equal(d.suppressed?.reason, 'te_klein');
    assert.equal(d.suppressed?.label, 'geheim / te klein');
  });
  test('suppresses a numerator below the minimum count', () => {
    assert.equal(discloseObservation(rule, obs(4, 500)).suppressed?.reason, 'te_klein');
  });
  test('suppresses a tiny complement: "all but 3" discloses as much as "3"', () => {
    assert.equal(discloseObservation(rule, obs(497, 500)).suppressed?.reason, 'te_klein');
  });
  test('carries CBS "." (confidential) as cbs_geheim, whatever the rule', () => {
    const d = discloseObservation({ minDenominator: null, minCount: null }, { ...obs(null, null, true) });
    assert.equal(d.suppressed?.reason, 'cbs_geheim');
    assert.equal(d.suppressed?.label, SUPPRESSED_LABEL);
  });
  test('keeps every other field of the row (id, area, period)', () => {
    const d = discloseObservation(rule, obs(1, 10));
    assert.equal(d.id, 7);
    assert.equal(d.area_code, 'BU19160602');
    assert.equal(d.period, '2022');
  });
  test('the reason text never contains the suppressed figures', () => {
    const d = discloseObservation(
      { minDenominator: 50, minCount: 5 },
      { value: 37.5, numerator: 3, denominator: 8, confidential: false },
    );
    assert.ok(!/\b3\b|\b8\b|37/.test(d.suppressed?.text ?? ''));
  });
  test('without a rule only confidential values are withheld', () => {
    assert.equal(discloseObservation(disclosureRuleOf(null), obs(1, 2)).suppressed, null);
  });
});

describe('batch helpers', () => {
  test('disclosureRuleOf reads an indicators row', () => {
    assert.deepEqual(disclosureRuleOf({ min_denominator: 50, min_count: 5, unit: '%' }), {
      ...rule,
      valueIsCount: false,
    });
    assert.equal(
      disclosureRuleOf({ min_denominator: null, min_count: 5, unit: 'aantal' }).valueIsCount,
      true,
    );
  });
  test('discloseObservations applies one rule to every row', () => {
    const out = discloseObservations(rule, [obs(160, 762), obs(1, 20)]);
    assert.deepEqual(
      out.map((o) => o.suppressed?.reason ?? null),
      [null, 'te_klein'],
    );
  });
  test('discloseByIndicator looks the rule up per row', () => {
    const rules = new Map([['a', rule]]);
    const out = discloseByIndicator(rules, [
      { ...obs(1, 20), indicator_id: 'a' },
      { ...obs(1, 20), indicator_id: 'b' },
    ]);
    assert.deepEqual(
      out.map((o) => o.suppressed?.reason ?? null),
      ['te_klein', null],
    );
  });
});

describe('properties', () => {
  test('a published observation always meets the rule; a suppressed one carries no figure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        fc.option(fc.integer({ min: 0, max: 20 })),
        fc.boolean(),
        (a, b, minDenominator, minCount, confidential) => {
          const numerator = Math.min(a, b);
          const denominator = Math.max(a, b);
          const r = { minDenominator, minCount };
          const d = discloseObservation(r, { value: 1, numerator, denominator, confidential });
          if (d.suppressed) {
            return d.value === null && d.numerator === null && d.denominator === null;
          }
          return (
            !confidential &&
            (minDenominator == null || denominator >= minDenominator) &&
            (minCount == null || (numerator >= minCount && denominator - numerator >= minCount))
          );
        },
      ),
    );
  });
});

describe('counts without a teller (D3)', () => {
  const countRule = { minDenominator: null, minCount: 5, valueIsCount: true };
  test('a count indicator’s value is its count: 3 without a teller is suppressed', () => {
    const d = discloseObservation(countRule, {
      value: 3,
      numerator: null,
      denominator: null,
      confidential: false,
    });
    assert.equal(d.suppressed?.reason, 'te_klein');
    assert.equal(d.value, null);
  });
  test('property: a published count without a teller always meets the minimum count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 20 }), (value, minCount) => {
        const rule = { minDenominator: null, minCount, valueIsCount: true };
        const d = discloseObservation(rule, {
          value,
          numerator: null,
          denominator: null,
          confidential: false,
        });
        return d.suppressed ? d.value === null : value >= minCount;
      }),
    );
  });
});

describe('secondary suppression over the area hierarchy (D4)', () => {
  const rule = { minDenominator: 10, minCount: 5, valueIsCount: false };
  const o = (id: number, areaCode: string, numerator: number, denominator: number): HierarchyObservation => ({
    id,
    areaCode,
    value: (numerator / denominator) * 100,
    numerator,
    denominator,
    confidential: false,
  });
  const sums: AreaSum[] = [{ total: 'WK1', parts: ['BU1', 'BU2'] }];

  test('the issue’s case: wijk 53/900 and buurt 50/500 would give the suppressed 3/400', () => {
    const withheld = secondarySuppressions(
      rule,
      [o(1, 'WK1', 53, 900), o(2, 'BU1', 3, 400), o(3, 'BU2', 50, 500)],
      sums,
    );
    assert.deepEqual([...withheld], [3]);
  });
  test('a confidential parent with all children published: one child is withheld', () => {
    const parent = { ...o(1, 'WK1', 12, 40), confidential: true };
    const withheld = secondarySuppressions(rule, [parent, o(2, 'BU1', 6, 20), o(3, 'BU2', 6, 20)], sums);
    assert.equal(withheld.size, 1);
  });
  test('two suppressed children need nothing more; a missing child neither', () => {
    const two = [o(1, 'WK1', 56, 900), o(2, 'BU1', 3, 400), o(3, 'BU2', 3, 450), o(4, 'BU3', 50, 50)];
    assert.equal(secondarySuppressions(rule, two, [{ total: 'WK1', parts: ['BU1', 'BU2', 'BU3'] }]).size, 0);
    const missing = [o(1, 'WK1', 53, 900), o(2, 'BU1', 3, 400)];
    assert.equal(secondarySuppressions(rule, missing, sums).size, 0);
  });
  test('the withheld value is carried as suppressed by discloseObservation', () => {
    const d = discloseObservation(rule, { ...o(3, 'BU2', 50, 500), withheld: true });
    assert.equal(d.suppressed?.reason, 'te_klein');
    assert.equal(d.numerator, null);
    assert.ok(!/50|500/.test(d.suppressed?.text ?? ''));
  });
  test('areaSums: parents with their children, programme areas with their members', () => {
    const result = areaSums(
      [
        { code: 'GM1', level: 'gemeente', parentCode: null },
        { code: 'WK1', level: 'wijk', parentCode: 'GM1' },
        { code: 'BU2', level: 'buurt', parentCode: 'WK1' },
        { code: 'BU1', level: 'buurt', parentCode: 'WK1' },
        { code: 'PG1', level: 'programmagebied', parentCode: 'GM1' },
      ],
      [
        { areaCode: 'PG1', memberCode: 'BU2' },
        { areaCode: 'PG1', memberCode: 'BU1' },
      ],
    );
    assert.deepEqual(result, [
      { total: 'GM1', parts: ['WK1'] },
      { total: 'WK1', parts: ['BU1', 'BU2'] },
      { total: 'PG1', parts: ['BU1', 'BU2'] },
    ]);
  });

  // A gemeente with wijken of buurten and a programme area over some buurten, every figure a sum.
  // The attacker subtracts: whenever all but one member of a sum are known, the last one is. Then
  // no figure that the rule suppresses (or that is withheld) may become known, for counts with and
  // without a teller.
  const hierarchy = fc.record({
    wijken: fc.array(
      fc.array(fc.record({ n: fc.integer({ min: 0, max: 40 }), d: fc.integer({ min: 0, max: 60 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    programme: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    withTeller: fc.boolean(),
  });

  test('property: no hidden figure can be recovered by differencing (counts, shares, programme areas)', () => {
    fc.assert(
      fc.property(hierarchy, ({ wijken, programme, withTeller }) => {
        const r = withTeller ? rule : { minDenominator: null, minCount: 5, valueIsCount: true };
        const figures = new Map<string, { n: number; d: number }>();
        const sumList: AreaSum[] = [];
        const gm = { n: 0, d: 0 };
        const pg = { n: 0, d: 0 };
        const pgParts: string[] = [];
        const wijkCodes: string[] = [];
        let index = 0;
        wijken.forEach((buurten, w) => {
          const wk = { n: 0, d: 0 };
          const parts: string[] = [];
          buurten.forEach((b, i) => {
            const code = `BU${w}${i}`;
            const f = { n: b.n, d: b.n + b.d };
            figures.set(code, f);
            parts.push(code);
            wk.n += f.n;
            wk.d += f.d;
            if (programme[index++]) {
              pgParts.push(code);
              pg.n += f.n;
              pg.d += f.d;
            }
          });
          figures.set(`WK${w}`, wk);
          wijkCodes.push(`WK${w}`);
          sumList.push({ total: `WK${w}`, parts });
          gm.n += wk.n;
          gm.d += wk.d;
        });
        figures.set('GM', gm);
        sumList.push({ total: 'GM', parts: wijkCodes });
        if (pgParts.length > 0) {
          figures.set('PG', pg);
          sumList.push({ total: 'PG', parts: pgParts });
        }
        const codes = [...figures.keys()];
        const observations: HierarchyObservation[] = codes.map((code, id) => {
          const f = figures.get(code)!;
          return withTeller
            ? {
                id,
                areaCode: code,
                value: f.d ? (f.n / f.d) * 100 : null,
                numerator: f.n,
                denominator: f.d,
                confidential: false,
              }
            : { id, areaCode: code, value: f.n, numerator: null, denominator: null, confidential: false };
        });
        const withheld = secondarySuppressions(r, observations, sumList);
        const known = new Set<string>();
        const hiddenByRule = new Set<string>();
        for (const obs of observations) {
          const d = discloseObservation(r, { ...obs, withheld: withheld.has(obs.id) });
          if (d.suppressed === null) known.add(obs.areaCode);
          else if (!withheld.has(obs.id)) hiddenByRule.add(obs.areaCode);
        }
        // Differencing until nothing new is learnt.
        let learnt = true;
        while (learnt) {
          learnt = false;
          for (const sum of sumList) {
            const unknown = [sum.total, ...sum.parts].filter((code) => !known.has(code));
            if (unknown.length === 1) {
              known.add(unknown[0]!);
              learnt = true;
            }
          }
        }
        return [...hiddenByRule].every((code) => !known.has(code));
      }),
      { numRuns: 500 },
    );
  });
});
