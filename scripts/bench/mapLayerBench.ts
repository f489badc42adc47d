// The map-layer part of npm run bench:api: the kaartlaag endpoint for GM1916 and for a national
// buurt layer, beside the floor measured in the same run — a minimal `SELECT area_code, value` of
// the same rows — with the ratio, and the plan of the layer's own read (EXPLAIN ANALYZE). Cold is
// the first request after a new data generation (the layer is built), warm a request served from
// the cache of pre-serialised layers (decision 0107), 304 a revalidation with the ETag.
import { sql } from 'kysely';
import { bumpDataGeneration } from '../../server/dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../../server/db/createDatabase.ts';
import { findLayerValues, type LayerSelection } from '../../server/maplayers/mapLayersRepository.ts';
import { profileMapLayer } from './mapLayerProfile.ts';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** p50/p95 of fn; `prepare` runs before each timed call, outside the time (e.g. a new generation). */
async function timeIt(
  runs: number,
  warmup: number,
  fn: () => Promise<unknown>,
  prepare?: () => Promise<unknown>,
) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare?.();
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
/** Longer than the cache's poll (3 s) plus a cold national build on a loaded machine. */
const REWARM_WAIT_MS = 6000;

/** The floor: the same rows' codes and values, nothing else, straight from the database. */
function minimalSelect(db: Db, selection: LayerSelection) {
  return sql`select o.area_code, o.value from observations o join areas a
    on a.code = o.area_code and a.vintage = o.vintage
    where o.indicator_id = ${selection.indicatorId} and o.period = ${selection.period}
      and o.vintage = ${selection.vintage} and a.level = ${selection.level}
      ${selection.gemeente ? sql`and (a.gemeente_code = ${selection.gemeente} or a.code = ${selection.gemeente})` : sql``}`.execute(
    db,
  );
}

export async function benchMapLayers(
  db: Db,
  base: string,
  national: { areas: number; vintage: number; period: string },
): Promise<void> {
  const layers = [
    {
      label: 'GM1916 buurten, inwoners 2024',
      url: `${base}/kaartlagen/inwoners?niveau=buurt&gemeente=GM1916&periode=2024&vorm=kolommen`,
      selection: {
        indicatorId: 'inwoners',
        period: '2024',
        vintage: 2022,
        level: 'buurt' as const,
        gemeente: 'GM1916',
      },
      runs: 200,
    },
    {
      label: `national buurten (${national.areas}), inwoners ${national.period}`,
      url: `${base}/kaartlagen/inwoners?niveau=buurt&periode=${national.period}&indeling=${national.vintage}&vorm=kolommen`,
      selection: {
        indicatorId: 'inwoners',
        period: national.period,
        vintage: national.vintage,
        level: 'buurt' as const,
      },
      runs: 40,
    },
  ];
  // As a browser asks: the client takes br or gzip; fetch would otherwise choose for us.
  const headers = { 'Accept-Encoding': 'br, gzip' };
  for (const layer of layers) {
    const probe = await fetch(layer.url, { headers });
    if (!probe.ok) throw new Error(`${layer.url} → ${probe.status} ${await probe.text()}`);
    const text = await probe.text();
    const count = (JSON.parse(text) as { kolommen: { codes: unknown[] } }).kolommen.codes.length;
    const get = async (extra: Record<string, string> = {}) =>
      (await fetch(layer.url, { headers: { ...headers, ...extra } })).arrayBuffer();
    const coldRuns = Math.min(layer.runs, 20);
    // Cold: a write elsewhere raised the generation, so this request builds the layer again.
    const cold = await timeIt(coldRuns, 2, get, () => bumpDataGeneration(db));
    const warm = await timeIt(layer.runs, 5, () => get());
    // After a write, once the cache's poll has seen it and rebuilt the hot layers in the background.
    const rewarmed = await timeIt(3, 0, get, async () => {
      await bumpDataGeneration(db);
      await new Promise((resolve) => setTimeout(resolve, REWARM_WAIT_MS));
    });
    const etag = (await fetch(layer.url, { headers })).headers.get('etag')!;
    // As a browser's cache revalidates: fetch() itself would add Cache-Control: no-cache to a
    // request with If-None-Match, and a server must then answer in full.
    const conditional = { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' };
    const revalidated = await fetch(layer.url, { headers: { ...headers, ...conditional } });
    if (revalidated.status !== 304) throw new Error(`${layer.url} with its ETag → ${revalidated.status}`);
    const notModified = await timeIt(layer.runs, 5, () => get(conditional));
    const appSql = await timeIt(layer.runs, 5, () => findLayerValues(db, layer.selection));
    const floor = await timeIt(layer.runs, 5, () => minimalSelect(db, layer.selection));
    const ratio = (value: number) => `${(value / floor.p50).toFixed(2)}×`;
    console.log(
      `map layer ${layer.label} (vorm=kolommen, as the client asks): ${count} values, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, sent as ${probe.headers.get('content-encoding') ?? 'identity'}\n` +
        `  HTTP cold p50 ${ms(cold.p50)} / p95 ${ms(cold.p95)}; warm p50 ${ms(warm.p50)} / p95 ${ms(warm.p95)}; 304 p50 ${ms(notModified.p50)} / p95 ${ms(notModified.p95)}\n` +
        `  first request ${REWARM_WAIT_MS / 1000} s after a write (re-warmed by the poll): p50 ${ms(rewarmed.p50)} / max ${ms(rewarmed.p95)} of 3\n` +
        `  app SQL p50 ${ms(appSql.p50)} / p95 ${ms(appSql.p95)}; floor (SELECT code, value) p50 ${ms(floor.p50)} / p95 ${ms(floor.p95)}\n` +
        `  ratio p50 / floor p50: cold ${ratio(cold.p50)}, warm ${ratio(warm.p50)} (goal ≤ 1,5×); p95 cold ${ms(cold.p95)}, warm ${ms(warm.p95)} (goal < 50 ms on PostgreSQL)`,
    );
    if (!layer.selection.gemeente) console.log(await profileMapLayer(db, layer.selection, timeIt));
  }
  // The layer's observation read: an index range on observations_layer, whatever the statistics.
  const n = layers[1]!.selection;
  const plan = await sql<
    Record<string, string>
  >`explain analyze select area_code, value, numerator, denominator,
    confidential, withheld, source from observations where indicator_id = ${n.indicatorId}
    and period = ${n.period} and vintage = ${n.vintage} order by area_code collate "C"`.execute(db);
  console.log(
    `  plan of the national read:\n${plan.rows.map((row) => `    ${Object.values(row)[0]}`).join('\n')}`,
  );
}
