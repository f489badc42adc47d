import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSameArea, sameAreaVintages } from '../../server/areas/sameArea.ts';

describe('the one "same area in another vintage" rule', () => {
  const heuvel2022 = { code: 'BU19160600', name: 'De Heuvel zuid', vintage: 2022 };

  it('is the same area when code and name are the same', () => {
    assert.equal(isSameArea(heuvel2022, { code: 'BU19160600', name: 'De Heuvel zuid' }), true);
  });

  it('is another area when CBS reused the code for a redrawn area with another name', () => {
    assert.equal(isSameArea(heuvel2022, { code: 'BU19160600', name: 'De Heuvel' }), false);
  });

  it('lists the vintages it holds for, its own always included, oldest first', () => {
    const versions = [
      { code: 'BU19160600', name: 'De Heuvel', vintage: 2017 },
      { code: 'BU19160600', name: 'De Heuvel zuid', vintage: 2024 },
      heuvel2022,
    ];
    assert.deepEqual(sameAreaVintages(heuvel2022, versions), [2022, 2024]);
    assert.deepEqual(sameAreaVintages(heuvel2022, []), [2022]);
  });
});
