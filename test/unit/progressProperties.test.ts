// Properties of the progress engine that hold for any input (fast-check).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { aggregateFromCounts } from '../../server/progress/aggregateFromCounts.ts';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';
import { STATUS_RANK } from '../../server/progress/progressThresholds.ts';
import type { JudgeInput, ProgressJudgement, TargetSpec } from '../../server/progress/types.ts';

const value = fc.double({ min: -50, max: 200, noNaN: true });
const positive = fc.double({ min: 0.1, max: 100, noNaN: true });
const polarity = fc.constantFrom<TargetSpec['polarity']>('lager_is_beter', 'hoger_is_beter', 'neutraal');
const kind = fc.constantFrom<TargetSpec['kind']>('absoluut', 'referentieniveau', 'richting');
const maybeInterval = fc.option(
  fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })),
);

const anyInput: fc.Arbitrary<JudgeInput> = fc
  .record({
    kind,
    polarity,
    direction: fc.constantFrom<TargetSpec['direction']>('toename', 'afname', null),
    targetValue: fc.option(value),
    baseYear: fc.integer({ min: 2010, max: 2030 }),
    span: fc.integer({ min: -2, max: 25 }),
    horizon: fc.constantFrom(10, 20),
    base: fc.option(value),
    current: fc.option(value),
    currentInterval: maybeInterval,
    refBase: fc.option(value),
    refNow: fc.option(value),
  })
  .map((r) => ({
    target: {
      kind: r.kind,
      horizon: r.horizon,
      targetYear: r.baseYear + r.horizon,
      targetValue: r.targetValue,
      direction: r.direction,
      polarity: r.polarity,
    },
    baseline: r.base == null ? null : { year: r.baseYear, value: r.base },
    current:
      r.current == null
        ? null
        : {
            year: r.baseYear + r.span,
            value: r.current,
            interval: r.currentInterval
              ? {
                  low: r.current - r.currentInterval[0],
                  high: r.current + r.currentInterval[1],
                  reason: 'test',
                }
              : null,
          },
    referenceBaseline: r.refBase == null ? null : { year: r.baseYear, value: r.refBase },
    referenceCurrent: r.refNow == null ? null : { year: r.baseYear + r.span, value: r.refNow },
  }));

function scoresOf(j: ProgressJudgement): Array<number | null> {
  const out = [j.score, j.uncertainty?.favourable.score ?? null, j.uncertainty?.unfavourable.score ?? null];
  return j.planReading ? [...out, ...scoresOf(j.planReading)] : out;
}

describe('any target, any values', () => {
  test('the score is always within −5…+5, or null', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const s of scoresOf(judgeTarget(input))) {
          if (s !== null && !(s >= -5 && s <= 5)) return false;
        }
        return true;
      }),
      { numRuns: 10000 },
    );
  });
  test('a status always comes with its Dutch label and explanation, and never throws', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const j = judgeTarget(input);
        return j.statusLabel.length > 0 && j.explanation.length > 0;
      }),
      { numRuns: 1000 },
    );
  });
  test('a score is given exactly when the status is neither onzeker nor onvoldoende gegevens (or a target lost)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const j = judgeTarget(input);
        if (j.status === 'onzeker' || j.status === 'onvoldoende_gegevens') return j.score === null;
        return j.score !== null || j.status === 'verslechtering';
      }),
      { numRuns: 1000 },
    );
  });
});

describe('absolute target, lower is better', () => {
  const judgeAt = (base: number, target: number, current: number) =>
    judgeTarget({
      target: {
        kind: 'absoluut',
        horizon: 10,
        targetYear: 2031,
        targetValue: target,
        direction: null,
        polarity: 'lager_is_beter',
      },
      baseline: { year: 2020, value: base },
      current: { year: 2024, value: current },
    });
  test('status and score never get worse as the current value gets lower', () => {
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        positive,
        positive,
        (base, fraction, c1, c2) => {
          const target = base * fraction;
          const [better, worse] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const a = judgeAt(base, target, better);
          const b = judgeAt(base, target, worse);
          assert.ok(
            STATUS_RANK[a.status] >= STATUS_RANK[b.status],
            `${better}: ${a.status}, ${worse}: ${b.status}`,
          );
          assert.ok((a.score as number) >= (b.score as number) - 1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });
  test('a value on the required path is op schema (R = 1) and its share of the way equals the path share', () => {
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 2021, max: 2030 }),
        (base, fraction, year) => {
          const target = base * fraction;
          const onPath = base * (target / base) ** ((year - 2020) / 11);
          const j = judgeTarget({
            target: {
              kind: 'absoluut',
              horizon: 10,
              targetYear: 2031,
              targetValue: target,
              direction: null,
              polarity: 'lager_is_beter',
            },
            baseline: { year: 2020, value: base },
            current: { year, value: onPath },
          });
          assert.ok(Math.abs((j.inputs.progressValue as number) - 1) < 1e-9);
          assert.equal(j.status, 'op_schema');
          assert.ok(Math.abs((j.expectedValue as number) - onPath) < 1e-9 * base);
        },
      ),
    );
  });
});

describe('uncertainty', () => {
  test('an interval of zero width gives the same judgement as none', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        if (!input.current) return true;
        const point = { ...input.current, interval: null };
        const a = judgeTarget({ ...input, current: point });
        const b = judgeTarget({
          ...input,
          current: { ...point, interval: { low: point.value, high: point.value, reason: 'nul' } },
        });
        return a.status === b.status && a.score === b.score;
      }),
    );
  });
  test('onzeker exactly when the favourable and unfavourable readings differ', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const j = judgeTarget(input);
        if (!j.uncertainty) return j.status !== 'onzeker';
        return (
          (j.status === 'onzeker') === (j.uncertainty.favourable.status !== j.uncertainty.unfavourable.status)
        );
      }),
    );
  });
});

describe('aggregation', () => {
  test('the aggregate share lies between the smallest and largest member share, weighted by denominators', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 1, max: 5000 })
            .chain((den) =>
              fc.record({ numerator: fc.integer({ min: 0, max: den }), denominator: fc.constant(den) }),
            ),
          { minLength: 1, maxLength: 8 },
        ),
        (members) => {
          const a = aggregateFromCounts(members.map((m, i) => ({ areaCode: `A${i}`, ...m })));
          const shares = members.map((m) => (m.numerator / m.denominator) * 100);
          const v = a.value as number;
          const weighted =
            members.reduce((s, m) => s + (m.numerator / m.denominator) * 100 * m.denominator, 0) /
            members.reduce((s, m) => s + m.denominator, 0);
          return (
            v >= Math.min(...shares) - 1e-9 &&
            v <= Math.max(...shares) + 1e-9 &&
            Math.abs(v - weighted) < 1e-9
          );
        },
      ),
    );
  });
});
