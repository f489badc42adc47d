import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contrastRatio,
  STATUS_LEGEND,
  VALUE_COLOURS,
  valueLegend,
  valueScale,
} from '../../client/src/shared/colourScale.ts';
import { STATUS_ORDER, STATUS_STYLES, toStatus } from '../../client/src/shared/status.ts';

test('the value scale has five classes over a nice domain', () => {
  const scale = valueScale([2, 13.5, 30, null, 21]);
  assert.deepEqual(scale.domain(), [0, 30]);
  assert.equal(scale.range().length, 5);
  assert.equal(scale(2), VALUE_COLOURS[0]);
  assert.equal(scale(30), VALUE_COLOURS[4]);
});

test('the legend is read from the same scale: each step colours its own middle', () => {
  const scale = valueScale([2, 13.5, 30, 21]);
  const steps = valueLegend(scale);
  assert.equal(steps.length, 5);
  for (const step of steps) assert.equal(scale((step.from + step.to) / 2), step.colour);
  assert.equal(steps[0]!.from, 0);
  assert.equal(steps[4]!.to, 30);
  for (let i = 1; i < steps.length; i++) assert.equal(steps[i]!.from, steps[i - 1]!.to);
});

test('a single value or no values still gives a usable scale', () => {
  const one = valueScale([5, 5, 5]);
  assert.ok(one.domain()[0]! < 5 && one.domain()[1]! > 5);
  const none = valueScale([null, undefined]);
  assert.deepEqual(none.domain(), [0, 1]);
});

test('value colours get darker as values rise, so order reads without hue', () => {
  const lum = VALUE_COLOURS.map((c) => contrastRatio(c, '#000000'));
  for (let i = 1; i < lum.length; i++) assert.ok(lum[i]! < lum[i - 1]!, `class ${i} is darker than ${i - 1}`);
});

test('every status has a label, a shape and a fill that black text can be read on (AA)', () => {
  const icons = new Set<string>();
  for (const status of STATUS_ORDER) {
    const style = STATUS_STYLES[status];
    assert.ok(style.label.length > 0);
    icons.add(style.icon);
    assert.ok(
      contrastRatio(style.colour, '#000000') >= 4.5,
      `${status}: ${contrastRatio(style.colour, '#000000')}`,
    );
  }
  assert.equal(icons.size, STATUS_ORDER.length, 'each status has its own shape');
  assert.equal(STATUS_LEGEND.length, STATUS_ORDER.length);
});

test('unknown status words fall back to "onvoldoende gegevens"', () => {
  assert.equal(toStatus('op_schema'), 'op_schema');
  assert.equal(toStatus('Op schema'), 'op_schema');
  assert.equal(toStatus('iets anders'), 'onvoldoende_gegevens');
  assert.equal(toStatus(undefined), 'onvoldoende_gegevens');
});
