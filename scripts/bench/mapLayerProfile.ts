// Where a cold national map layer's time goes: the app's SQL read, the statuses, the whole
// buildMapLayer (SQL + statuses + disclosure + assembly), the columnar form, JSON and compression.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Db } from '../../server/db/createDatabase.ts';
import { findIndicator } from '../../server/indicators/indicatorsRepository.ts';
import { buildMapLayer } from '../../server/maplayers/buildMapLayer.ts';
import { findLayerValues, type LayerSelection } from '../../server/maplayers/mapLayersRepository.ts';
import { toColumns } from '../../server/maplayers/toColumns.ts';
import { getAreaStatuses } from '../../server/progress/progressService.ts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Timer = (runs: number, warmup: number, fn: () => Promise<unknown>) => Promise<{ p50: number }>;

export async function profileMapLayer(db: Db, selection: LayerSelection, time: Timer): Promise<string> {
  const indicator = await findIndicator(db, selection.indicatorId);
  if (!indicator) throw new Error(`indicator ${selection.indicatorId} ontbreekt`);
  const request = { ...selection, horizon: 10 };
  const layer = await buildMapLayer(db, indicator, request);
  const json = JSON.stringify(toColumns(layer));
  const runs = 10;
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['app SQL (findLayerValues)', () => findLayerValues(db, selection)],
    [
      'statuses (getAreaStatuses, every programme)',
      () =>
        getAreaStatuses(db, {
          indicatorId: selection.indicatorId,
          programmeId: undefined,
          vintage: selection.vintage,
          level: selection.level,
          gemeenteCode: selection.gemeente,
          year: Number(selection.period.slice(-4)),
          horizon: 10,
        }),
    ],
    ['buildMapLayer (SQL ∥ statuses, disclosure, rows)', () => buildMapLayer(db, indicator, request)],
    ['toColumns', async () => toColumns(layer)],
    ['JSON.stringify (columns)', async () => JSON.stringify(toColumns(layer))],
    ['gzip (level 6)', () => gzip(json)],
    ['brotli (quality 4)', () => brotli(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })],
  ];
  const lines: string[] = [];
  for (const [label, fn] of steps)
    lines.push(`    ${label}: p50 ${(await time(runs, 2, fn)).p50.toFixed(1)} ms`);
  const gz = (await gzip(json)).byteLength;
  const br = (await brotli(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })).byteLength;
  lines.push(
    `    body ${(json.length / 1024).toFixed(0)} KB, gzip ${(gz / 1024).toFixed(0)} KB, br ${(br / 1024).toFixed(0)} KB`,
  );
  return `  profile of a cold build (${layer.waarden.length} values):\n${lines.join('\n')}`;
}
