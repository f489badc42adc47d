import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatShare, formatValue } from '../../client/src/shared/format.ts';

// nl-NL uses a decimal comma and a dot for thousands; Intl may use a narrow no-break space nowhere here.

test('formatNumber writes Dutch decimals and thousands', () => {
  assert.equal(formatNumber(12.5, 1), '12,5');
  assert.equal(formatNumber(1234), '1.234');
  assert.equal(formatNumber(2021), '2.021');
  assert.equal(formatNumber(1234567.891, 2), '1.234.567,89');
  assert.equal(formatNumber(-0.25, 2), '−0,25');
});

test('formatNumber shows a dash for missing values', () => {
  assert.equal(formatNumber(null), '–');
  assert.equal(formatNumber(undefined), '–');
  assert.equal(formatNumber(Number.NaN), '–');
});

test('formatValue adds the unit the Dutch way', () => {
  assert.equal(formatValue(12.5, '%', 1), '12,5%');
  assert.equal(formatValue(13.5, '%', 1), '13,5%');
  assert.equal(formatValue(4420, 'aantal'), '4.420');
  assert.equal(formatValue(3.4, 'per 1.000', 1), '3,4 per 1.000');
  assert.equal(formatValue(18.4, 'x 1.000 €', 1), '€ 18.400');
  assert.equal(formatValue(null, '%', 1), '–');
});

test('formatShare turns a fraction into a percentage', () => {
  assert.equal(formatShare(0.125), '12,5%');
  assert.equal(formatShare(-0.031, 2), '−3,10%');
});
