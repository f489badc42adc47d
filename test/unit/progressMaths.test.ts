// The progress maths as tables: each row one case, worked out by hand from the formulas in
// DESIGN.md ("How progress is judged"), not taken from the engine. Names read as specifications.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregateFromCounts } from '../../server/progress/aggregateFromCounts.ts';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import type { ProgressStatus, TargetSpec, ValueInterval, ValuePoint } from '../../server/progress/types.ts';

const spec = (over: Partial<TargetSpec>): TargetSpec => ({
  kind: 'absoluut',
  horizon: 10,
  targetYear: 2030,
  targetValue: 10,
  direction: null,
  polarity: 'lager_is_beter',
  ...over,
});
const at = (year: number, value: number, interval: ValueInterval | null = null): ValuePoint => ({
  year,
  value,
  interval,
});
const around = (low: number, high: number): ValueInterval => ({ low, high, reason: 'afgerond' });
const near = (actual: number | null | undefined, expected: number, what: string) =>
  assert.ok(actual != null && Math.abs(actual - expected) < 1e-3, `${what}: ${actual} ≠ ${expected}`);

describe('an absolute target: R = d · CAGR_obs / |CAGR_req|', () => {
  // Lower is better, 20 in 2020 → 10 in 2030: CAGR_req = 0,5^(1/10) − 1 = −6,697% a year.
  const cases: Array<{ rule: string; current: number; R: number | null; status: ProgressStatus }> = [
    { rule: '20 → 14 in five years (R = 1,03) is op schema', current: 14, R: 1.0285, status: 'op_schema' },
    { rule: '20 → 16 (R = 0,65) needs acceleration', current: 16, R: 0.6515, status: 'versnelling_nodig' },
    {
      rule: '20 → 17 (R = 0,48) is limited progress',
      current: 17,
      R: 0.4774,
      status: 'beperkte_vooruitgang',
    },
    { rule: '20 → 20 (R = 0) is still limited progress', current: 20, R: 0, status: 'beperkte_vooruitgang' },
    { rule: '20 → 21 (R < 0) is deterioration', current: 21, R: -0.1464, status: 'verslechtering' },
    { rule: '20 → 9,5, past the target of 10, is behaald', current: 9.5, R: null, status: 'behaald' },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const j = judgeTarget({ target: spec({}), baseline: at(2020, 20), current: at(2025, c.current) });
      assert.equal(j.status, c.status);
      near(j.inputs.cagrRequired, 0.5 ** 0.1 - 1, 'CAGR_req');
      if (c.R != null) near(j.inputs.progressValue, c.R, 'R');
    });
  }
  test('higher is better flips d: 50 → 55 towards 60 (R = 1,05) is op schema', () => {
    const j = judgeTarget({
      target: spec({ targetValue: 60, polarity: 'hoger_is_beter' }),
      baseline: at(2020, 50),
      current: at(2025, 55),
    });
    assert.equal(j.status, 'op_schema');
    near(j.inputs.progressValue, (1.1 ** 0.2 - 1) / (1.2 ** 0.1 - 1), 'R');
  });
});

describe('a direction target: v = d · CAGR_obs against 1,5% and 0,5% a year', () => {
  const cases: Array<{
    rule: string;
    direction: 'toename' | 'afname';
    current: number;
    status: ProgressStatus;
  }> = [
    {
      rule: 'toename 100 → 110 in five years (v = 1,9%) is op schema',
      direction: 'toename',
      current: 110,
      status: 'op_schema',
    },
    {
      rule: 'toename 100 → 103 (v = 0,59%) needs acceleration',
      direction: 'toename',
      current: 103,
      status: 'versnelling_nodig',
    },
    {
      rule: 'toename 100 → 101 (v = 0,2%) is limited progress',
      direction: 'toename',
      current: 101,
      status: 'beperkte_vooruitgang',
    },
    {
      rule: 'toename 100 → 95 is deterioration',
      direction: 'toename',
      current: 95,
      status: 'verslechtering',
    },
    {
      rule: 'afname 100 → 90 (v = 2,1%) is op schema',
      direction: 'afname',
      current: 90,
      status: 'op_schema',
    },
    {
      rule: 'afname 100 → 95 (v = 1,0%) needs acceleration',
      direction: 'afname',
      current: 95,
      status: 'versnelling_nodig',
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const j = judgeTarget({
        target: spec({ kind: 'richting', targetValue: null, direction: c.direction, polarity: 'neutraal' }),
        baseline: at(2020, 100),
        current: at(2025, c.current),
      });
      assert.equal(j.status, c.status);
    });
  }
});

describe('a reference-level target: gap closed over time elapsed', () => {
  // Lower is better; baseline 2020, target year 2040; judged in 2025: a quarter of the time gone.
  const cases: Array<{
    rule: string;
    base: number;
    refBase: number;
    now: number;
    refNow: number;
    status: ProgressStatus;
  }> = [
    {
      rule: 'a gap of 7 → 5 (closed 29% in 25% of the time) is op schema',
      base: 17,
      refBase: 10,
      now: 15,
      refNow: 10,
      status: 'op_schema',
    },
    {
      rule: 'a gap of 7 → 5,8 (ratio 0,69) needs acceleration',
      base: 17,
      refBase: 10,
      now: 15.8,
      refNow: 10,
      status: 'versnelling_nodig',
    },
    {
      rule: 'a gap of 7 → 6,5 (ratio 0,29) is limited progress',
      base: 17,
      refBase: 10,
      now: 16.5,
      refNow: 10,
      status: 'beperkte_vooruitgang',
    },
    {
      rule: 'a widening gap is deterioration',
      base: 17,
      refBase: 10,
      now: 18,
      refNow: 10,
      status: 'verslechtering',
    },
    {
      rule: 'no gap left (better than the reference) is behaald',
      base: 17,
      refBase: 10,
      now: 9.5,
      refNow: 10,
      status: 'behaald',
    },
    {
      rule: 'the gap closes when the reference worsens, though the area stands still',
      base: 17,
      refBase: 10,
      now: 17,
      refNow: 12,
      status: 'op_schema',
    },
    {
      rule: 'the area falls behind when the reference improves faster',
      base: 17,
      refBase: 10,
      now: 15,
      refNow: 7,
      status: 'verslechtering',
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const j = judgeTarget({
        target: spec({ kind: 'referentieniveau', horizon: 20, targetYear: 2040, targetValue: 6 }),
        baseline: at(2020, c.base),
        current: at(2025, c.now),
        referenceBaseline: at(2020, c.refBase),
        referenceCurrent: at(2025, c.refNow),
      });
      assert.equal(j.status, c.status);
      near(j.inputs.elapsedShare, 0.25, 'elapsed share');
    });
  }
  test("reads the plan's own number as a second, absolute judgement", () => {
    const j = judgeTarget({
      target: spec({ kind: 'referentieniveau', horizon: 20, targetYear: 2040, targetValue: 6 }),
      baseline: at(2020, 17),
      current: at(2025, 15),
      referenceBaseline: at(2020, 10),
      referenceCurrent: at(2025, 10),
    });
    assert.equal(j.planReading?.method, 'absoluut');
    assert.equal(j.planReading?.inputs.targetValue, 6);
  });
});

describe('rounding: a status is onzeker only when the ends of the interval disagree', () => {
  // 20 in 2020 → 10 in 2030, lower is better.
  const cases: Array<{ rule: string; current: ValuePoint; status: ProgressStatus }> = [
    {
      rule: '14 ± 0,1 is op schema at both ends, so op schema',
      current: at(2025, 14, around(13.9, 14.1)),
      status: 'op_schema',
    },
    {
      rule: '14 between 13 and 17 is op schema at one end and limited at the other: onzeker',
      current: at(2025, 14, around(13, 17)),
      status: 'onzeker',
    },
    {
      rule: '10,5 between 9 and 11 straddles the target: onzeker between behaald and not',
      current: at(2025, 10.5, around(9, 11)),
      status: 'onzeker',
    },
    {
      rule: 'an exact value has no interval and keeps its status',
      current: at(2025, 14),
      status: 'op_schema',
    },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const j = judgeTarget({ target: spec({}), baseline: at(2020, 20), current: c.current });
      assert.equal(j.status, c.status);
      assert.equal(j.uncertainty != null, c.current.interval != null, 'both readings are kept when rounded');
    });
  }
});

describe('aggregateFromCounts(members, scale): a programme area from its members', () => {
  const m = (
    areaCode: string,
    numerator: number | null,
    denominator: number | null,
    countRounding: number | null = null,
  ) => ({
    areaCode,
    numerator,
    denominator,
    countRounding,
  });
  const cases: Array<{
    rule: string;
    members: ReturnType<typeof m>[];
    scale: number;
    value: number | null;
    reason: RegExp | null;
  }> = [
    {
      rule: '10/100 and 90/300 make 25%, not the mean 20%',
      members: [m('A', 10, 100), m('B', 90, 300)],
      scale: 100,
      value: 25,
      reason: null,
    },
    {
      rule: 'per 1.000: 5/1.000 and 15/1.000 make 10',
      members: [m('A', 5, 1000), m('B', 15, 1000)],
      scale: 1000,
      value: 10,
      reason: null,
    },
    {
      rule: 'a member without counts gives no total, and names it',
      members: [m('A', 10, 100), m('B', null, 300)],
      scale: 100,
      value: null,
      reason: /van B ontbreken teller en noemer/,
    },
    {
      rule: 'a total denominator of 0 gives no total',
      members: [m('A', 0, 0), m('B', 0, 0)],
      scale: 100,
      value: null,
      reason: /noemer van het programmagebied is 0/,
    },
    { rule: 'no members give no total', members: [], scale: 100, value: null, reason: /geen leden/ },
  ];
  for (const c of cases) {
    test(c.rule, () => {
      const a = aggregateFromCounts(c.members, c.scale);
      if (c.value == null) assert.equal(a.value, null);
      else near(a.value, c.value, 'value');
      if (c.reason) assert.match(a.reason ?? '', c.reason);
      else assert.equal(a.reason, null);
    });
  }
  test('counts rounded to tens widen into an interval: ±10 on 100/400 is 21,95% – 28,21%', () => {
    const a = aggregateFromCounts([m('A', 10, 100, 10), m('B', 90, 300, 10)]);
    near(a.interval?.low, (90 / 410) * 100, 'low');
    near(a.interval?.high, (110 / 390) * 100, 'high');
  });
});
