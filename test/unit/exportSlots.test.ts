import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultMaxExports, ExportSlots } from '../../server/exports/exportSlots.ts';

describe('export slots (D5)', () => {
  it('bounds exports overall and per client, and frees a slot once', () => {
    const slots = new ExportSlots(3, 2);
    const a1 = slots.acquire('a');
    const a2 = slots.acquire('a');
    assert.equal(typeof a1, 'function');
    assert.equal(typeof a2, 'function');
    assert.equal(slots.acquire('a'), 'client');
    const b1 = slots.acquire('b');
    assert.equal(typeof b1, 'function');
    assert.equal(slots.acquire('c'), 'vol');
    (a1 as () => void)();
    (a1 as () => void)(); // twice is once
    assert.equal(slots.inUse, 2);
    assert.equal(typeof slots.acquire('c'), 'function');
    assert.equal(slots.acquire('d'), 'vol');
  });

  it('leaves half the pool to ordinary requests', () => {
    assert.equal(defaultMaxExports(10), 5);
    assert.equal(defaultMaxExports(2), 1);
  });
});
