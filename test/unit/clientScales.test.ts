import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scaleLinear, scaleQuantize } from 'd3-scale';
import { linearScale, niceDomain, polyline, quantizeScale } from '../../client/src/shared/scales.ts';

// The client's own scales replace d3-scale in the bundle; they must give d3's ends, ticks and classes.
function* domains(): Generator<[number, number]> {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let k = 0; k < 2000; k++) {
    const size = 10 ** Math.floor(random() * 12 - 4);
    const start = (random() - 0.3) * size;
    yield [start, start + (random() - 0.1) * size * (random() < 0.1 ? 0 : 1)];
  }
}

test('linear scale: the same nice domain, ticks and positions as d3-scale', () => {
  for (const [a, b] of domains()) {
    const d3 = scaleLinear().domain([a, b]).nice().range([100, 0]);
    const ours = linearScale([a, b], [100, 0], { nice: true });
    assert.deepEqual(ours.domain(), d3.domain(), `${a}…${b}`);
    for (const count of [5, 8, 10]) assert.deepEqual(ours.ticks(count), d3.ticks(count), `${a}…${b}`);
    for (const v of [a, b, (a + b) / 2]) assert.ok(Math.abs(ours(v) - d3(v)) < 1e-9, `${a}…${b} at ${v}`);
  }
});

test('quantize scale: the same five classes and extents as d3-scale', () => {
  const classes = ['a', 'b', 'c', 'd', 'e'];
  for (const [a, b] of domains()) {
    if (b <= a) continue;
    const d3 = scaleQuantize<string>().domain([a, b]).nice(5).range(classes);
    const ours = quantizeScale(niceDomain([a, b], 5), classes);
    assert.deepEqual(ours.domain(), d3.domain());
    for (const c of classes) assert.deepEqual(ours.invertExtent(c), d3.invertExtent(c));
    for (let i = -2; i <= 12; i++) {
      const v = a + ((b - a) * i) / 10;
      assert.equal(ours(v), d3(v), `${a}…${b} at ${v}`);
    }
  }
});

test('a polyline is one move and then lines', () => {
  assert.equal(
    polyline([
      [1, 2],
      [3, 4.5],
    ]),
    'M1,2L3,4.5',
  );
  assert.equal(polyline([]), null);
});
