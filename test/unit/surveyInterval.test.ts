// A published 95% interval (survey figures) is judged the way rounding is: the status is
// "onzeker" when the reading at the interval's ends disagrees.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import type { TargetSpec } from '../../server/progress/types.ts';
import { valueInterval } from '../../server/progress/uncertainty.ts';

const target: TargetSpec = {
  kind: 'absoluut',
  horizon: 10,
  targetYear: 2031,
  targetValue: 75,
  direction: null,
  polarity: 'hoger_is_beter',
};
const survey = (value: number, low: number, high: number) =>
  valueInterval({
    value,
    numerator: null,
    denominator: null,
    valueRounding: null,
    countRounding: null,
    intervalLow: low,
    intervalHigh: high,
  });

describe('95% interval of a survey figure', () => {
  test('is the interval the value lies in, named as such', () => {
    assert.deepEqual(survey(76.4, 73.1, 79.5), {
      low: 73.1,
      high: 79.5,
      reason: '95%-betrouwbaarheidsinterval 73,1–79,5 (enquête)',
    });
  });
  test('wider than the rounding: the hull of both', () => {
    const interval = valueInterval({
      value: 76,
      numerator: null,
      denominator: null,
      valueRounding: 1,
      countRounding: null,
      intervalLow: 75.8,
      intervalHigh: 80,
    });
    assert.deepEqual([interval?.low, interval?.high], [75.5, 80]);
  });
  test('an interval straddling the target makes the status onzeker', () => {
    const j = judgeTarget({
      target,
      baseline: { year: 2020, value: 70, interval: null },
      current: { year: 2030, value: 76, interval: survey(76, 73, 79) },
    });
    assert.equal(j.status, 'onzeker');
    assert.equal(j.uncertainty?.favourable.status, 'behaald');
  });
  test('a narrow interval clear of the target leaves the status as it is', () => {
    const j = judgeTarget({
      target,
      baseline: { year: 2020, value: 70, interval: null },
      current: { year: 2030, value: 78, interval: survey(78, 77, 79) },
    });
    assert.equal(j.status, 'behaald');
  });
  test('without an interval the exact value is judged', () => {
    assert.equal(
      valueInterval({
        value: 76,
        numerator: null,
        denominator: null,
        valueRounding: null,
        countRounding: null,
      }),
      null,
    );
  });
});
