// Edge cases of the progress engine, one behaviour each.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discloseObservation } from '../../server/disclosure/applyDisclosure.ts';
import { aggregateFromCounts } from '../../server/progress/aggregateFromCounts.ts';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import type { JudgeInput, TargetSpec, ValuePoint } from '../../server/progress/types.ts';
import { valueInterval } from '../../server/progress/uncertainty.ts';

const absolute = (targetValue: number, polarity: TargetSpec['polarity'] = 'lager_is_beter'): TargetSpec => ({
  kind: 'absoluut',
  horizon: 10,
  targetYear: 2031,
  targetValue,
  direction: null,
  polarity,
});
const point = (year: number, value: number, interval: ValuePoint['interval'] = null): ValuePoint => ({
  year,
  value,
  interval,
});
const close = (a: number | null, b: number) => {
  assert.ok(a != null && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
};

describe('target already met at baseline', () => {
  test('is behaald (score 5) when the later value still meets it', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 12), current: point(2023, 13) });
    assert.equal(j.status, 'behaald');
    assert.equal(j.score, 5);
  });
  test('is verslechtering without a score when the later value no longer meets it', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 12), current: point(2023, 14) });
    assert.equal(j.status, 'verslechtering');
    assert.equal(j.score, null);
    assert.match(j.explanation.join(' '), /al gehaald/);
  });
  test('with only the baseline is still onvoldoende gegevens: two data points are needed', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 12), current: point(2020, 12) });
    assert.equal(j.status, 'onvoldoende_gegevens');
  });
});

describe('a zero base', () => {
  test('is replaced by 0,001 in the growth rates, as Open SDG does, and says so on the card', () => {
    const j = judgeTarget({
      target: absolute(5, 'hoger_is_beter'),
      baseline: point(2020, 0),
      current: point(2023, 2),
    });
    const cagrRequired = (5 / 0.001) ** (1 / 11) - 1;
    const cagrObserved = (2 / 0.001) ** (1 / 3) - 1;
    assert.equal(j.inputs.baselineValue, 0);
    assert.equal(j.inputs.baselineValueUsed, 0.001);
    close(j.inputs.progressValue, cagrObserved / Math.abs(cagrRequired));
    assert.equal(j.status, 'op_schema');
    assert.match(j.explanation.join(' '), /0,001/);
  });
  test('for a direction target gives a growth rate from 0,001', () => {
    const j = judgeTarget({
      target: {
        kind: 'richting',
        horizon: 10,
        targetYear: 2031,
        targetValue: null,
        direction: 'toename',
        polarity: 'neutraal',
      },
      baseline: point(2021, 0),
      current: point(2024, 3),
    });
    close(j.inputs.cagrObserved, (3 / 0.001) ** (1 / 3) - 1);
    assert.equal(j.status, 'op_schema');
  });
  test('a zero target is replaced by 0,001 too', () => {
    const j = judgeTarget({ target: absolute(0), baseline: point(2020, 10), current: point(2023, 5) });
    assert.equal(j.inputs.targetValueUsed, 0.001);
    close(j.inputs.cagrRequired, (0.001 / 10) ** (1 / 11) - 1);
  });
});

describe('one data point', () => {
  test('no value after the baseline gives onvoldoende gegevens and no score', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 21), current: null });
    assert.equal(j.status, 'onvoldoende_gegevens');
    assert.equal(j.score, null);
    assert.equal(j.statusLabel, 'Onvoldoende gegevens');
  });
  test('no baseline gives onvoldoende gegevens', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: null, current: point(2023, 18) });
    assert.equal(j.status, 'onvoldoende_gegevens');
  });
  test('a current value from before the baseline year is not judged', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 21), current: point(2019, 18) });
    assert.equal(j.status, 'onvoldoende_gegevens');
  });
});

describe('a value changing sign', () => {
  test('gives onvoldoende gegevens: no growth rate exists between a positive and a negative value', () => {
    const j = judgeTarget({
      target: {
        kind: 'richting',
        horizon: 10,
        targetYear: 2031,
        targetValue: null,
        direction: 'toename',
        polarity: 'hoger_is_beter',
      },
      baseline: point(2020, 2),
      current: point(2023, -1),
    });
    assert.equal(j.status, 'onvoldoende_gegevens');
    assert.match(j.explanation.join(' '), /teken/);
  });
  test('but an absolute target reached across zero is still behaald', () => {
    const j = judgeTarget({ target: absolute(-1), baseline: point(2020, 2), current: point(2023, -2) });
    assert.equal(j.status, 'behaald');
  });
  test('two negative values use Open SDG sign correction', () => {
    // Higher is better; −10 → −8 is an improvement: sign = −1 turns CAGR −2,2% into +.
    const j = judgeTarget({
      target: {
        kind: 'richting',
        horizon: 10,
        targetYear: 2031,
        targetValue: null,
        direction: null,
        polarity: 'hoger_is_beter',
      },
      baseline: point(2020, -10),
      current: point(2023, -8),
    });
    assert.equal(j.inputs.sign, -1);
    close(j.inputs.progressValue, -1 * ((-8 / -10) ** (1 / 3) - 1));
    assert.equal(j.status, 'op_schema');
  });
});

describe('rounding', () => {
  test('rounded counts make the status onzeker when the ends of the interval disagree, with both readings', () => {
    // 90 of 500 households, CBS-rounded to tens: the true share lies in [85/505, 95/495] = [16,83%, 19,19%].
    const interval = valueInterval({
      value: 18,
      numerator: 90,
      denominator: 500,
      valueRounding: null,
      countRounding: 10,
    });
    assert.ok(interval);
    close(interval.low, (85 / 505) * 100);
    close(interval.high, (95 / 495) * 100);
    const j = judgeTarget({
      target: absolute(13.5),
      baseline: point(2020, 21),
      current: point(2024, 18, interval),
    });
    assert.equal(j.status, 'onzeker');
    assert.equal(j.score, null);
    assert.ok(j.uncertainty);
    assert.equal(j.uncertainty.favourable.status, 'op_schema');
    close(j.uncertainty.favourable.inputs.currentValue, (85 / 505) * 100);
    assert.equal(j.uncertainty.unfavourable.status, 'beperkte_vooruitgang');
    close(j.uncertainty.unfavourable.inputs.currentValue, (95 / 495) * 100);
    // The published value's own reading is still on the card.
    assert.equal(j.inputs.currentValue, 18);
  });
  test('a whole percentage (±0,5) whose ends agree keeps its status and shows the interval', () => {
    const interval = valueInterval({
      value: 16,
      numerator: null,
      denominator: null,
      valueRounding: 1,
      countRounding: null,
    });
    const j = judgeTarget({
      target: absolute(13.5),
      baseline: point(2020, 21),
      current: point(2024, 16, interval),
    });
    assert.equal(j.status, 'op_schema');
    assert.ok(j.uncertainty);
    assert.deepEqual(
      [j.uncertainty.intervals.currentValue?.low, j.uncertainty.intervals.currentValue?.high],
      [15.5, 16.5],
    );
  });
  test('a whole percentage straddling the target is onzeker between behaald and not', () => {
    const interval = valueInterval({
      value: 14,
      numerator: null,
      denominator: null,
      valueRounding: 1,
      countRounding: null,
    });
    const j = judgeTarget({
      target: absolute(13.5),
      baseline: point(2020, 21),
      current: point(2030, 14, interval),
    });
    assert.equal(j.status, 'onzeker');
    assert.equal(j.uncertainty?.favourable.status, 'behaald');
  });
  test('a rounded reference-area value makes a reference level judgement onzeker when it matters', () => {
    const j = judgeTarget({
      target: {
        kind: 'referentieniveau',
        horizon: 20,
        targetYear: 2041,
        targetValue: 6,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: point(2020, 21),
      current: point(2041, 6.2),
      referenceBaseline: point(2020, 6),
      referenceCurrent: point(2041, 6, { low: 5.5, high: 6.5, reason: 'afgerond' }),
    });
    assert.equal(j.status, 'onzeker');
    assert.equal(j.uncertainty?.favourable.status, 'behaald');
  });
});

describe('a suppressed value', () => {
  test('never reaches the engine: the judgement says geheim / te klein and carries no figure of it', () => {
    const raw = { value: 37.5, numerator: 3, denominator: 8, confidential: false };
    const disclosed = discloseObservation({ minDenominator: 10, minCount: 5 }, raw);
    assert.equal(disclosed.value, null);
    const input: JudgeInput = {
      target: absolute(13.5),
      baseline: point(2020, 21),
      current: disclosed.value == null ? null : point(2024, disclosed.value),
      missingReason: disclosed.suppressed?.label ?? null,
    };
    const j = judgeTarget(input);
    assert.equal(j.status, 'onvoldoende_gegevens');
    assert.match(j.explanation.join(' '), /geheim \/ te klein/);
    const text = JSON.stringify(j);
    assert.ok(!text.includes('37.5') && !text.includes('37,5'));
  });
});

describe('a reference area that moves', () => {
  test('closes the gap when the reference worsens, while the plan-number reading shows no progress', () => {
    // Area stays at 15%; LV rises from 5% to 8%: gap 10 → 7, closure 0,3 after 4 of 21 years.
    const j = judgeTarget({
      target: {
        kind: 'referentieniveau',
        horizon: 20,
        targetYear: 2041,
        targetValue: 5,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: point(2020, 15),
      current: point(2024, 15),
      referenceBaseline: point(2020, 5),
      referenceCurrent: point(2024, 8),
    });
    close(j.inputs.closure, (10 - 7) / 10);
    close(j.inputs.progressValue, 0.3 / (4 / 21));
    assert.equal(j.status, 'op_schema');
    // The path follows the moving reference: 8 + 10 · (1 − 4/21).
    close(j.expectedValue, 8 + 10 * (1 - 4 / 21));
    assert.equal(j.planReading?.status, 'beperkte_vooruitgang');
    close(j.planReading?.inputs.progressValue ?? null, 0);
  });
  test('the same area falls behind when the reference improves faster', () => {
    const j = judgeTarget({
      target: {
        kind: 'referentieniveau',
        horizon: 20,
        targetYear: 2041,
        targetValue: 5,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: point(2020, 15),
      current: point(2024, 14),
      referenceBaseline: point(2020, 5),
      referenceCurrent: point(2024, 3),
    });
    // gap 10 → 11: closure −0,1
    close(j.inputs.closure, -0.1);
    assert.equal(j.status, 'verslechtering');
    assert.equal(j.planReading?.status, 'beperkte_vooruitgang');
  });
  test('without a reference value in the current year it is onvoldoende gegevens', () => {
    const j = judgeTarget({
      target: {
        kind: 'referentieniveau',
        horizon: 20,
        targetYear: 2041,
        targetValue: 5,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: point(2020, 15),
      current: point(2024, 14),
      referenceBaseline: point(2020, 5),
      referenceCurrent: null,
    });
    assert.equal(j.status, 'onvoldoende_gegevens');
    assert.ok(j.planReading, 'the plan-number reading needs no reference value');
    assert.notEqual(j.planReading.status, 'onvoldoende_gegevens');
  });
});

describe('polarity', () => {
  test('higher is better flips the sign of R', () => {
    const lower = judgeTarget({
      target: absolute(13.5),
      baseline: point(2020, 21),
      current: point(2024, 18),
    });
    const higher = judgeTarget({
      target: absolute(30, 'hoger_is_beter'),
      baseline: point(2020, 21),
      current: point(2024, 18),
    });
    assert.ok((lower.inputs.progressValue as number) > 0);
    assert.ok((higher.inputs.progressValue as number) < 0);
    assert.equal(higher.status, 'verslechtering');
    assert.equal(higher.inputs.d, 1);
  });
  test('a neutral indicator takes its direction from the target', () => {
    const j = judgeTarget({
      target: absolute(13.5, 'neutraal'),
      baseline: point(2020, 21),
      current: point(2024, 18),
    });
    assert.equal(j.inputs.d, -1);
  });
});

describe('aggregation of a programme area', () => {
  test('is Σ numerators / Σ denominators, not the mean of the percentages', () => {
    // Heuvel Noord 160 of 762 households (21%), Prinsenhof hoog 391 of 2300 (17%).
    const a = aggregateFromCounts([
      { areaCode: 'BU19160602', numerator: 160, denominator: 762 },
      { areaCode: 'BU19160200', numerator: 391, denominator: 2300 },
    ]);
    close(a.value, ((160 + 391) / (762 + 2300)) * 100); // = 17,99%
    const meanOfPercentages = ((160 / 762) * 100 + (391 / 2300) * 100) / 2; // = 19,00%
    assert.ok(Math.abs((a.value as number) - meanOfPercentages) > 0.5);
    assert.equal(a.numerator, 551);
    assert.equal(a.denominator, 3062);
  });
  test('is not made when a member lacks counts, and says which', () => {
    const a = aggregateFromCounts([
      { areaCode: 'BU19160602', numerator: 160, denominator: 762 },
      { areaCode: 'BU19160200', numerator: null, denominator: null },
    ]);
    assert.equal(a.value, null);
    assert.deepEqual(a.missingMembers, ['BU19160200']);
    assert.match(a.reason ?? '', /BU19160200/);
  });
  test('adds up the rounding of its members into an interval', () => {
    const a = aggregateFromCounts([
      { areaCode: 'A', numerator: 160, denominator: 760, countRounding: 10 },
      { areaCode: 'B', numerator: 390, denominator: 2300, countRounding: 10 },
    ]);
    close(a.interval?.low ?? null, ((550 - 10) / (3060 + 10)) * 100);
    close(a.interval?.high ?? null, ((550 + 10) / (3060 - 10)) * 100);
  });
});

describe('after the target year', () => {
  test('the expected value stays at the target', () => {
    const j = judgeTarget({ target: absolute(13.5), baseline: point(2020, 21), current: point(2033, 15) });
    close(j.expectedValue, 13.5);
  });
});

describe('extreme values', () => {
  test('growth rates that overflow (a base next to 0) give onvoldoende gegevens, never a NaN score', () => {
    // Found by fast-check: −8,9e−16 / −5e−324 overflows to Infinity, and Infinity / Infinity is NaN.
    const j = judgeTarget({
      target: absolute(-8.881784197001254e-16),
      baseline: point(2010, -5e-324),
      current: point(2011, -8.881784197001252e-16),
    });
    assert.equal(j.status, 'onvoldoende_gegevens');
    assert.equal(j.score, null);
  });
});
