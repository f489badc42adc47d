// Golden tests: every result row of seed 003 (Sterk voor Noord, "Resultaten"), baselines as the plan
// gives them, later values constructed on and off schedule. The expected numbers are worked out here
// by hand from the formulas in DESIGN.md ("How progress is judged"), not taken from the engine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import type { ProgressJudgement, ProgressStatus } from '../../server/progress/types.ts';

const T10 = 2031; // 10-year targets
const T20 = 2041; // 20-year targets: "gemiddelde van Leidschendam-Voorburg in 2041"

function close(actual: number | null, expected: number, what: string) {
  assert.ok(actual != null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
}

// Open SDG's score for a ratio, written out: ≥ 0,6 → min(7,1429·R − 4,2857; 5), else max(4,1667·R − 2,5; −5).
function scoreByHand(R: number): number {
  return R >= 0.6 ? Math.min(7.1429 * R - 4.2857, 5) : Math.max(4.1667 * R - 2.5, -5);
}

interface AbsoluteCase {
  base: number;
  baseYear: number;
  target: number;
  year: number;
  value: number;
  /** Written out with the plan's numbers. */
  cagrRequired: number;
  cagrObserved: number;
  status: ProgressStatus;
}

/** Lower is better for every seed-003 indicator with a number: d = −1. */
function checkAbsolute(c: AbsoluteCase): ProgressJudgement {
  const j = judgeTarget({
    target: {
      kind: 'absoluut',
      horizon: 10,
      targetYear: T10,
      targetValue: c.target,
      direction: null,
      polarity: 'lager_is_beter',
    },
    baseline: { year: c.baseYear, value: c.base },
    current: { year: c.year, value: c.value },
  });
  const d = -1;
  const R = (d * c.cagrObserved) / Math.abs(c.cagrRequired);
  const expectedValue = c.base * (1 + c.cagrRequired) ** (c.year - c.baseYear);
  const shareOfWay = (c.value - c.base) / (c.target - c.base);
  assert.equal(j.status, c.status);
  close(j.inputs.cagrRequired, c.cagrRequired, 'CAGR_req');
  close(j.inputs.cagrObserved, c.cagrObserved, 'CAGR_obs');
  close(j.inputs.progressValue, R, 'R');
  close(j.score, c.status === 'behaald' ? 5 : scoreByHand(R), 'score');
  close(j.expectedValue, expectedValue, 'verwachte waarde');
  close(j.shareOfWay, shareOfWay, 'deel van de weg');
  return j;
}

interface ReferenceCase {
  base: number;
  baseYear: number;
  refBase: number;
  year: number;
  value: number;
  refNow: number;
  planNumber: number;
  status: ProgressStatus;
}

function checkReference(c: ReferenceCase): ProgressJudgement {
  const j = judgeTarget({
    target: {
      kind: 'referentieniveau',
      horizon: 20,
      targetYear: T20,
      targetValue: c.planNumber,
      direction: null,
      polarity: 'lager_is_beter',
    },
    baseline: { year: c.baseYear, value: c.base },
    current: { year: c.year, value: c.value },
    referenceBaseline: { year: c.baseYear, value: c.refBase },
    referenceCurrent: { year: c.year, value: c.refNow },
  });
  // Lower is better: the gap in the undesired direction is area − reference.
  const g0 = c.base - c.refBase;
  const gt = c.value - c.refNow;
  const closure = (g0 - gt) / g0;
  const elapsed = (c.year - c.baseYear) / (T20 - c.baseYear);
  const ratio = closure / elapsed;
  const expectedValue = c.refNow + g0 * (1 - elapsed);
  assert.equal(j.status, c.status);
  close(j.inputs.gapBaseline, g0, 'g0');
  close(j.inputs.gapCurrent, gt, 'gt');
  close(j.inputs.elapsedShare, elapsed, 'verstreken tijd');
  close(j.expectedValue, expectedValue, 'verwachte waarde');
  if (c.status !== 'behaald') {
    close(j.inputs.closure, closure, 'sluiting');
    close(j.inputs.progressValue, ratio, 'verhouding');
    close(j.score, scoreByHand(ratio), 'score');
  } else {
    assert.equal(j.score, 5);
  }
  // Second reading: the plan's fixed number as an absolute 20-year target.
  const plan = j.planReading;
  assert.ok(plan);
  const cagrRequired = (c.planNumber / c.base) ** (1 / (T20 - c.baseYear)) - 1;
  const cagrObserved = (c.value / c.base) ** (1 / (c.year - c.baseYear)) - 1;
  const R = -cagrObserved / Math.abs(cagrRequired);
  assert.equal(plan.method, 'absoluut');
  close(plan.inputs.targetValue, c.planNumber, 'vast getal uit het plan');
  close(plan.inputs.progressValue, R, 'R (tweede lezing)');
  close(plan.score, c.value <= c.planNumber ? 5 : scoreByHand(R), 'score (tweede lezing)');
  return j;
}

describe('Bijstandsuitkering (huishoudens), 2020: Heuvel Noord 21% → 13,5%, Prinsenhof hoog 17% → 11,5%, 20 jaar 6% LV', () => {
  // Heuvel Noord: CAGR_req = (13,5 / 21)^(1/11) − 1 = −3,937% per jaar; path in 2024: 21 · (1 − 0,03937)^4 = 17,88
  const hn = (13.5 / 21) ** (1 / (2031 - 2020)) - 1;
  test('Heuvel Noord at 17,8% in 2024 is op schema (R = 1,028)', () => {
    const j = checkAbsolute({
      base: 21,
      baseYear: 2020,
      target: 13.5,
      year: 2024,
      value: 17.8,
      cagrRequired: hn,
      cagrObserved: (17.8 / 21) ** (1 / 4) - 1, // = −4,049%
      status: 'op_schema',
    });
    close(Math.round((j.inputs.progressValue as number) * 1000) / 1000, 1.028, 'R afgerond');
    close(Math.round((j.expectedValue as number) * 100) / 100, 17.88, 'pad 2024 afgerond');
  });
  test('Heuvel Noord at 18,5% in 2024 needs acceleration (R = 0,792)', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2020,
      target: 13.5,
      year: 2024,
      value: 18.5,
      cagrRequired: hn,
      cagrObserved: (18.5 / 21) ** (1 / 4) - 1, // = −3,119%; R = 0,7922; score = 7,1429·0,7922 − 4,2857 = 1,373
      status: 'versnelling_nodig',
    });
  });
  test('Heuvel Noord at 20,1% in 2024 is limited progress (R = 0,277)', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2020,
      target: 13.5,
      year: 2024,
      value: 20.1,
      cagrRequired: hn,
      cagrObserved: (20.1 / 21) ** (1 / 4) - 1, // = −1,089%; R = 0,2766; score = 4,1667·0,2766 − 2,5 = −1,348
      status: 'beperkte_vooruitgang',
    });
  });
  test('Heuvel Noord at 22% in 2024 is deterioration (R = −0,297)', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2020,
      target: 13.5,
      year: 2024,
      value: 22,
      cagrRequired: hn,
      cagrObserved: (22 / 21) ** (1 / 4) - 1, // = +1,170%; R = −0,2971
      status: 'verslechtering',
    });
  });
  test('Heuvel Noord at 13,5% in 2029 has reached its target (score 5)', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2020,
      target: 13.5,
      year: 2029,
      value: 13.5,
      cagrRequired: hn,
      cagrObserved: (13.5 / 21) ** (1 / 9) - 1,
      status: 'behaald',
    });
  });
  // Prinsenhof hoog: CAGR_req = (11,5 / 17)^(1/11) − 1 = −3,491%; path in 2024: 14,75
  const ph = (11.5 / 17) ** (1 / (2031 - 2020)) - 1;
  test('Prinsenhof hoog at 14,7% in 2024 is op schema (R = 1,022)', () => {
    checkAbsolute({
      base: 17,
      baseYear: 2020,
      target: 11.5,
      year: 2024,
      value: 14.7,
      cagrRequired: ph,
      cagrObserved: (14.7 / 17) ** (1 / 4) - 1,
      status: 'op_schema',
    });
  });
  test('Prinsenhof hoog at 15,2% in 2024 needs acceleration (R = 0,790)', () => {
    checkAbsolute({
      base: 17,
      baseYear: 2020,
      target: 11.5,
      year: 2024,
      value: 15.2,
      cagrRequired: ph,
      cagrObserved: (15.2 / 17) ** (1 / 4) - 1,
      status: 'versnelling_nodig',
    });
  });
  test('Prinsenhof hoog at 18% in 2024 is deterioration (R = −0,412)', () => {
    checkAbsolute({
      base: 17,
      baseYear: 2020,
      target: 11.5,
      year: 2024,
      value: 18,
      cagrRequired: ph,
      cagrObserved: (18 / 17) ** (1 / 4) - 1,
      status: 'verslechtering',
    });
  });
  // 20 years, "6% LV": LV constructed at 6,5% in 2020 and 6,0% in 2025.
  test('Heuvel Noord 20 jaar: gap 21 − 6,5 = 14,5 closing to 16 − 6 = 10 by 2025 is op schema (1,30 ≥ 0,95)', () => {
    const j = checkReference({
      base: 21,
      baseYear: 2020,
      refBase: 6.5,
      year: 2025,
      value: 16,
      refNow: 6,
      planNumber: 6,
      status: 'op_schema',
    });
    // closure (14,5 − 10) / 14,5 = 0,3103; elapsed (2025 − 2020) / (2041 − 2020) = 0,2381; ratio 1,303
    close(Math.round((j.inputs.progressValue as number) * 1000) / 1000, 1.303, 'verhouding afgerond');
  });
  test('Prinsenhof hoog 20 jaar: gap 17 − 6,5 = 10,5 to 16 − 6 = 10 by 2025 is limited progress', () => {
    // closure 0,5 / 10,5 = 0,0476; ratio 0,0476 / 0,2381 = 0,2; score 4,1667·0,2 − 2,5 = −1,667
    checkReference({
      base: 17,
      baseYear: 2020,
      refBase: 6.5,
      year: 2025,
      value: 16,
      refNow: 6,
      planNumber: 6,
      status: 'beperkte_vooruitgang',
    });
  });
});

describe('% bijstandsuitkering langer dan een jaar, 2020: Heuvel Noord 19% → 12%, Prinsenhof hoog 15% → 10%, 20 jaar 5% LV', () => {
  const hn = (12 / 19) ** (1 / (2031 - 2020)) - 1; // = −4,092%
  const ph = (10 / 15) ** (1 / (2031 - 2020)) - 1; // = −3,619%
  test('Heuvel Noord at 16% in 2024 is op schema (R = 1,028)', () => {
    checkAbsolute({
      base: 19,
      baseYear: 2020,
      target: 12,
      year: 2024,
      value: 16,
      cagrRequired: hn,
      cagrObserved: (16 / 19) ** (1 / 4) - 1,
      status: 'op_schema',
    });
  });
  test('Heuvel Noord at 18,1% in 2024 is limited progress (R = 0,295)', () => {
    checkAbsolute({
      base: 19,
      baseYear: 2020,
      target: 12,
      year: 2024,
      value: 18.1,
      cagrRequired: hn,
      cagrObserved: (18.1 / 19) ** (1 / 4) - 1,
      status: 'beperkte_vooruitgang',
    });
  });
  test('Prinsenhof hoog at 13,4% in 2024 needs acceleration (R = 0,768)', () => {
    checkAbsolute({
      base: 15,
      baseYear: 2020,
      target: 10,
      year: 2024,
      value: 13.4,
      cagrRequired: ph,
      cagrObserved: (13.4 / 15) ** (1 / 4) - 1,
      status: 'versnelling_nodig',
    });
  });
  test('Prinsenhof hoog at 16% in 2024 is deterioration (R = −0,450)', () => {
    checkAbsolute({
      base: 15,
      baseYear: 2020,
      target: 10,
      year: 2024,
      value: 16,
      cagrRequired: ph,
      cagrObserved: (16 / 15) ** (1 / 4) - 1,
      status: 'verslechtering',
    });
  });
  test('Heuvel Noord 20 jaar: the gap to LV widens (19 − 5 = 14 → 19,5 − 4,5 = 15): deterioration', () => {
    // closure (14 − 15) / 14 = −0,0714; ratio −0,0714 / (4/21) = −0,375; score 4,1667·(−0,375) − 2,5 = −4,06
    checkReference({
      base: 19,
      baseYear: 2020,
      refBase: 5,
      year: 2024,
      value: 19.5,
      refNow: 4.5,
      planNumber: 5,
      status: 'verslechtering',
    });
  });
  test('Prinsenhof hoog 20 jaar: 15 − 5 = 10 → 12 − 5 = 7 by 2024 is op schema', () => {
    // closure 3 / 10 = 0,3; elapsed 4 / 21 = 0,1905; ratio 1,575 → score min(7,1429·1,575 − 4,2857; 5) = 5
    checkReference({
      base: 15,
      baseYear: 2020,
      refBase: 5,
      year: 2024,
      value: 12,
      refNow: 5,
      planNumber: 5,
      status: 'op_schema',
    });
  });
});

describe('% huishoudens tot 110% van het sociaal minimum, 2017: Heuvel Noord 30% → 20%, Prinsenhof hoog 21% → 15,5%, 20 jaar 10% LV', () => {
  const hn = (20 / 30) ** (1 / (2031 - 2017)) - 1; // = −2,855%
  const ph = (15.5 / 21) ** (1 / (2031 - 2017)) - 1; // = −2,146%
  test('Heuvel Noord at 24,4% in 2024 is op schema (R = 1,019)', () => {
    checkAbsolute({
      base: 30,
      baseYear: 2017,
      target: 20,
      year: 2024,
      value: 24.4,
      cagrRequired: hn,
      cagrObserved: (24.4 / 30) ** (1 / 7) - 1,
      status: 'op_schema',
    });
  });
  test('Heuvel Noord at 25,6% in 2024 needs acceleration (R = 0,785)', () => {
    checkAbsolute({
      base: 30,
      baseYear: 2017,
      target: 20,
      year: 2024,
      value: 25.6,
      cagrRequired: hn,
      cagrObserved: (25.6 / 30) ** (1 / 7) - 1,
      status: 'versnelling_nodig',
    });
  });
  test('Prinsenhof hoog at 20,1% in 2024 is limited progress (R = 0,291)', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2017,
      target: 15.5,
      year: 2024,
      value: 20.1,
      cagrRequired: ph,
      cagrObserved: (20.1 / 21) ** (1 / 7) - 1,
      status: 'beperkte_vooruitgang',
    });
  });
  test('Prinsenhof hoog at 15% in 2024 has reached its target', () => {
    checkAbsolute({
      base: 21,
      baseYear: 2017,
      target: 15.5,
      year: 2024,
      value: 15,
      cagrRequired: ph,
      cagrObserved: (15 / 21) ** (1 / 7) - 1,
      status: 'behaald',
    });
  });
  test('Heuvel Noord 20 jaar: 30 − 12 = 18 → 25 − 11 = 14 by 2024 needs acceleration', () => {
    // closure 4 / 18 = 0,2222; elapsed 7 / 24 = 0,2917; ratio 0,7619; score 7,1429·0,7619 − 4,2857 = 1,156
    checkReference({
      base: 30,
      baseYear: 2017,
      refBase: 12,
      year: 2024,
      value: 25,
      refNow: 11,
      planNumber: 10,
      status: 'versnelling_nodig',
    });
  });
  test('Prinsenhof hoog 20 jaar: below LV in 2024 (10,5 < 11) has reached the reference level', () => {
    checkReference({
      base: 21,
      baseYear: 2017,
      refBase: 12,
      year: 2024,
      value: 10.5,
      refNow: 11,
      planNumber: 10,
      status: 'behaald',
    });
  });
});

describe('Schuldhulpmaatje (2017 – feb. 2021): 43 hulpvragen L-Noord, toename beoogd', () => {
  // Direction target: v = d · CAGR_obs with d = +1 (toename); thresholds 0,015 / 0,005 / 0.
  // Open SDG method-1 score: v ≥ 0,015 → min(500v − 5; 5); ≥ 0,005 → 250v − 1,25; ≥ 0 → 500v − 2,5; < 0 → max(125v − 2,5; −5).
  const judge = (value: number, horizon: number) =>
    judgeTarget({
      target: {
        kind: 'richting',
        horizon,
        targetYear: horizon === 10 ? T10 : T20,
        targetValue: null,
        direction: 'toename',
        polarity: 'neutraal',
      },
      baseline: { year: 2021, value: 43 },
      current: { year: 2024, value },
    });
  test('60 hulpvragen in 2024 is op schema: v = (60/43)^(1/3) − 1 = 11,75% ≥ 1,5%, score capped at 5', () => {
    const v = (60 / 43) ** (1 / 3) - 1;
    for (const horizon of [10, 20]) {
      const j = judge(60, horizon);
      assert.equal(j.status, 'op_schema');
      close(j.inputs.progressValue, v, 'v');
      close(j.score, Math.min(500 * v - 5, 5), 'score');
      assert.equal(j.score, 5);
      assert.equal(j.expectedValue, null);
    }
  });
  test('44 hulpvragen in 2024 needs acceleration: v = (44/43)^(1/3) − 1 = 0,769%', () => {
    const v = (44 / 43) ** (1 / 3) - 1;
    const j = judge(44, 10);
    assert.equal(j.status, 'versnelling_nodig');
    close(j.score, 250 * v - 1.25, 'score'); // = 0,673
  });
  test('43,2 hulpvragen in 2024 is limited progress: v = (43,2/43)^(1/3) − 1 = 0,155%', () => {
    const v = (43.2 / 43) ** (1 / 3) - 1;
    const j = judge(43.2, 10);
    assert.equal(j.status, 'beperkte_vooruitgang');
    close(j.score, 500 * v - 2.5, 'score'); // = −1,726
  });
  test('40 hulpvragen in 2024 is deterioration: v = (40/43)^(1/3) − 1 = −2,38%', () => {
    const v = (40 / 43) ** (1 / 3) - 1;
    const j = judge(40, 20);
    assert.equal(j.status, 'verslechtering');
    close(j.score, Math.max(125 * v - 2.5, -5), 'score'); // = −5,47 → −5
  });
});

describe('Niet werkend, werkzoekend (2018): Prinsenhof hoog 18,3% → 13%, 20 jaar 7,6% LV', () => {
  const ph = (13 / 18.3) ** (1 / (2031 - 2018)) - 1; // = −2,596%
  test('Prinsenhof hoog at 15,6% in 2024 is op schema (R = 1,011)', () => {
    checkAbsolute({
      base: 18.3,
      baseYear: 2018,
      target: 13,
      year: 2024,
      value: 15.6,
      cagrRequired: ph,
      cagrObserved: (15.6 / 18.3) ** (1 / 6) - 1,
      status: 'op_schema',
    });
  });
  test('Prinsenhof hoog at 16,2% in 2024 needs acceleration (R = 0,775)', () => {
    checkAbsolute({
      base: 18.3,
      baseYear: 2018,
      target: 13,
      year: 2024,
      value: 16.2,
      cagrRequired: ph,
      cagrObserved: (16.2 / 18.3) ** (1 / 6) - 1,
      status: 'versnelling_nodig',
    });
  });
  test('Prinsenhof hoog at 19,3% in 2024 is deterioration (R = −0,343)', () => {
    checkAbsolute({
      base: 18.3,
      baseYear: 2018,
      target: 13,
      year: 2024,
      value: 19.3,
      cagrRequired: ph,
      cagrObserved: (19.3 / 18.3) ** (1 / 6) - 1,
      status: 'verslechtering',
    });
  });
  test('Prinsenhof hoog 20 jaar: 18,3 − 8 = 10,3 → 16 − 8 = 8 by 2024 needs acceleration', () => {
    // closure 2,3 / 10,3 = 0,2233; elapsed 6 / 23 = 0,2609; ratio 0,856; score 7,1429·0,856 − 4,2857 = 1,829
    checkReference({
      base: 18.3,
      baseYear: 2018,
      refBase: 8,
      year: 2024,
      value: 16,
      refNow: 8,
      planNumber: 7.6,
      status: 'versnelling_nodig',
    });
  });
});

describe('Ervaren gezondheid (gaat wel), 2019: Prinsenhof 25% → 22%, Heuvel/Amstelwijk 28% → 23%, 20 jaar 19% LV', () => {
  const pr = (22 / 25) ** (1 / (2031 - 2019)) - 1; // = −1,060%
  const ha = (23 / 28) ** (1 / (2031 - 2019)) - 1; // = −1,626%
  test('Prinsenhof at 23,7% in 2024 is op schema (R = 1,003)', () => {
    checkAbsolute({
      base: 25,
      baseYear: 2019,
      target: 22,
      year: 2024,
      value: 23.7,
      cagrRequired: pr,
      cagrObserved: (23.7 / 25) ** (1 / 5) - 1,
      status: 'op_schema',
    });
  });
  test('Prinsenhof at 24,6% in 2024 is limited progress (R = 0,304)', () => {
    checkAbsolute({
      base: 25,
      baseYear: 2019,
      target: 22,
      year: 2024,
      value: 24.6,
      cagrRequired: pr,
      cagrObserved: (24.6 / 25) ** (1 / 5) - 1,
      status: 'beperkte_vooruitgang',
    });
  });
  test('Heuvel/Amstelwijk at 26,2% in 2024 needs acceleration (R = 0,812)', () => {
    checkAbsolute({
      base: 28,
      baseYear: 2019,
      target: 23,
      year: 2024,
      value: 26.2,
      cagrRequired: ha,
      cagrObserved: (26.2 / 28) ** (1 / 5) - 1,
      status: 'versnelling_nodig',
    });
  });
  test('Heuvel/Amstelwijk at 29% in 2024 is deterioration (R = −0,433)', () => {
    checkAbsolute({
      base: 28,
      baseYear: 2019,
      target: 23,
      year: 2024,
      value: 29,
      cagrRequired: ha,
      cagrObserved: (29 / 28) ** (1 / 5) - 1,
      status: 'verslechtering',
    });
  });
  test('Prinsenhof 20 jaar: 25 − 20 = 5 → 23,5 − 20 = 3,5 by 2024 is op schema', () => {
    // closure 1,5 / 5 = 0,3; elapsed 5 / 22 = 0,2273; ratio 1,32; score min(7,1429·1,32 − 4,2857; 5) = 5
    checkReference({
      base: 25,
      baseYear: 2019,
      refBase: 20,
      year: 2024,
      value: 23.5,
      refNow: 20,
      planNumber: 19,
      status: 'op_schema',
    });
  });
  test('Heuvel/Amstelwijk 20 jaar: 28 − 20 = 8 → 27,5 − 20 = 7,5 by 2024 is limited progress', () => {
    // closure 0,5 / 8 = 0,0625; elapsed 5 / 22 = 0,2273; ratio 0,275; score 4,1667·0,275 − 2,5 = −1,354
    checkReference({
      base: 28,
      baseYear: 2019,
      refBase: 20,
      year: 2024,
      value: 27.5,
      refNow: 20,
      planNumber: 19,
      status: 'beperkte_vooruitgang',
    });
  });
});
