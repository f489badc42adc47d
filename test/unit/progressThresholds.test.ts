// The thresholds and score formulas at their edges (DESIGN.md: 0,95 / 0,60 / 0 and 0,015 / 0,005 / 0).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import {
  GROWTH_THRESHOLDS,
  RATIO_THRESHOLDS,
  STATUS_LABELS,
  scoreFromGrowth,
  scoreFromRatio,
  statusFromProgressValue,
} from '../../server/progress/progressThresholds.ts';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-3, `${a} ≠ ${b}`);

describe('ratio thresholds (absolute target, reference level)', () => {
  test('R = 0,95 is op schema and R = 0,949 needs acceleration', () => {
    assert.equal(statusFromProgressValue(0.95, RATIO_THRESHOLDS), 'op_schema');
    assert.equal(statusFromProgressValue(0.949, RATIO_THRESHOLDS), 'versnelling_nodig');
  });
  test('R = 0,60 needs acceleration and R = 0,599 is limited progress', () => {
    assert.equal(statusFromProgressValue(0.6, RATIO_THRESHOLDS), 'versnelling_nodig');
    assert.equal(statusFromProgressValue(0.599, RATIO_THRESHOLDS), 'beperkte_vooruitgang');
  });
  test('R = 0 is limited progress and any R below 0 is deterioration', () => {
    assert.equal(statusFromProgressValue(0, RATIO_THRESHOLDS), 'beperkte_vooruitgang');
    assert.equal(statusFromProgressValue(-0.001, RATIO_THRESHOLDS), 'verslechtering');
  });
  test('the score is 2,5 at R = 0,95, 0 at R = 0,6, −2,5 at R = 0, and capped at ±5', () => {
    near(scoreFromRatio(0.95), 2.5);
    near(scoreFromRatio(0.6), 0);
    near(scoreFromRatio(0), -2.5);
    assert.equal(scoreFromRatio(3), 5);
    assert.equal(scoreFromRatio(-3), -5);
  });
  test('an absolute target at R = 0,93 in the engine needs acceleration, not op schema', () => {
    // Choose the current value so that R = 0,93 exactly: CAGR_obs = −0,93 · |CAGR_req|.
    const cagrRequired = (13.5 / 21) ** (1 / 11) - 1;
    const current = 21 * (1 - 0.93 * Math.abs(cagrRequired)) ** 4;
    const j = judgeTarget({
      target: {
        kind: 'absoluut',
        horizon: 10,
        targetYear: 2031,
        targetValue: 13.5,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: { year: 2020, value: 21 },
      current: { year: 2024, value: current },
    });
    near(j.inputs.progressValue as number, 0.93);
    assert.equal(j.status, 'versnelling_nodig');
  });
});

describe('growth thresholds (direction target)', () => {
  test('v = 1,5% is op schema, 1,4% needs acceleration, 0,5% needs acceleration, 0,4% is limited', () => {
    assert.equal(statusFromProgressValue(0.015, GROWTH_THRESHOLDS), 'op_schema');
    assert.equal(statusFromProgressValue(0.014, GROWTH_THRESHOLDS), 'versnelling_nodig');
    assert.equal(statusFromProgressValue(0.005, GROWTH_THRESHOLDS), 'versnelling_nodig');
    assert.equal(statusFromProgressValue(0.004, GROWTH_THRESHOLDS), 'beperkte_vooruitgang');
  });
  test('the score is 2,5 at v = 0,015, 0 at v = 0,005, −2,5 at v = 0, continuous in between', () => {
    near(scoreFromGrowth(0.015), 2.5);
    near(scoreFromGrowth(0.005), 0);
    near(scoreFromGrowth(0), -2.5);
    near(scoreFromGrowth(0.01), 250 * 0.01 - 1.25);
    assert.equal(scoreFromGrowth(1), 5);
    assert.equal(scoreFromGrowth(-1), -5);
  });
  test('a direction target growing 1,7% a year is op schema', () => {
    const j = judgeTarget({
      target: {
        kind: 'richting',
        horizon: 10,
        targetYear: 2031,
        targetValue: null,
        direction: 'toename',
        polarity: 'neutraal',
      },
      baseline: { year: 2021, value: 43 },
      current: { year: 2024, value: 43 * 1.017 ** 3 },
    });
    near(j.inputs.progressValue as number, 0.017);
    assert.equal(j.status, 'op_schema');
  });
});

describe('labels', () => {
  test('every status has its Dutch label', () => {
    assert.deepEqual(STATUS_LABELS, {
      behaald: 'Behaald',
      op_schema: 'Op schema',
      versnelling_nodig: 'Vooruitgang, maar versnelling nodig',
      beperkte_vooruitgang: 'Beperkte vooruitgang',
      verslechtering: 'Verslechtering',
      onzeker: 'Onzeker',
      onvoldoende_gegevens: 'Onvoldoende gegevens',
    });
  });
});
