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
    assert.deepEqual(disclosureRuleOf({ min_denominator: 50, min_count: 5 }), rule);
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
