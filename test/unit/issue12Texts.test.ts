// Issue 12 item 7: the words a partner reads. Components are rendered with React's own server
// renderer (real React, no fake DOM); engine texts come from the real engine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { HowCalculated } from '../../client/src/profile/HowCalculated.tsx';
import { valueScale } from '../../client/src/shared/colourScale.ts';
import { formatDifference, formatNumber } from '../../client/src/shared/format.ts';
import { flattenTargets, type TargetProgressBody } from '../../client/src/shared/model.ts';
import { Legend } from '../../client/src/ui/Legend.tsx';
import { inDutch } from '../../schemas/progressKeys.ts';
import { readIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { judgeTarget } from '../../server/progress/judgeTarget.ts';

const lvInput = {
  target: {
    kind: 'referentieniveau' as const,
    horizon: 20,
    targetYear: 2041,
    targetValue: 6,
    direction: null,
    polarity: 'lager_is_beter' as const,
  },
  baseline: { year: 2020, value: 21 },
  current: { year: 2022, value: 18, interval: { low: 17.95, high: 18.05, reason: 'afgerond op 0,1' } },
  referenceBaseline: { year: 2020, value: 6 },
  referenceCurrent: {
    year: 2022,
    value: 5.4,
    interval: { low: 5.35, high: 5.45, reason: 'afgerond op 0,1' },
  },
};

describe('texts', () => {
  test('definitions hold no notes for developers', () => {
    for (const i of readIndicatorCatalogue()) {
      assert.doesNotMatch(
        i.definition,
        /\b[a-z]+_[a-z0-9_]+\b|kolom|onze lezing|bronbestand|de teller van|afgeleid als/i,
        i.id,
      );
    }
  });

  test('the engine writes "de waarde van het referentiegebied", never "De referentiegebied"', () => {
    const j = judgeTarget(lvInput);
    const text = j.explanation.join('\n');
    assert.doesNotMatch(text, /\bDe referentiegebied/);
    assert.match(text, /De huidige waarde van het referentiegebied ligt tussen/);
  });

  test('one minus sign and procentpunt for differences of percentages', () => {
    assert.equal(formatNumber(-2.5, 1), '−2,5');
    assert.equal(formatDifference(-1.25, '%', 1), '−1,3 procentpunt');
    assert.equal(formatDifference(3, 'aantal', 0), '3');
  });

  test('the legend formats both bounds of a class', () => {
    const html = renderToStaticMarkup(
      createElement(Legend, {
        mode: 'waarde',
        scale: valueScale([200, 400, 600, 800, 1000]),
        unit: 'x 1.000 €',
        decimals: 0,
        title: 'WOZ',
      }),
    );
    assert.match(html, /€ 200\.000 tot € 360\.000/);
  });

  test('a reference-level card: no CAGR method, no repeated reading, gaps in procentpunt at the indicator’s decimals', () => {
    const j = judgeTarget(lvInput);
    // Built in the engine's words, sent as the API sends it (the one key dictionary).
    const body = inDutch({
      indicator: { id: 'x', name: 'X', unit: '%', polarity: 'lager_is_beter', decimals: 1 },
      area: { code: 'BU1', vintage: 2022, name: 'B', level: 'buurt', label: null },
      baseline: { year: 2020, value: 21, numerator: null, source: 'plan', period: null },
      series: [],
      latest: null,
      reference: null,
      aggregation: null,
      horizons: [
        {
          target: { horizon: 20, targetYear: 2041, kind: 'referentieniveau', targetValue: 6 },
          judgement: j,
          history: [],
        },
      ],
    }) as unknown as TargetProgressBody;
    const [target] = flattenTargets([body]);
    assert.ok(target);
    const html = renderToStaticMarkup(createElement(HowCalculated, { target }));
    assert.doesNotMatch(html, /CAGR/);
    assert.doesNotMatch(html, /gunstig ([a-z ]+), ongunstig \1/);
    assert.match(html, /Afstand bij de basis<\/dt><dd>15,0 procentpunt/);
  });
});
