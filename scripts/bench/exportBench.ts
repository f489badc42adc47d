// The CSV export's throughput and memory beside COPY (…) TO STDOUT of the same rows, measured in
// the same run (issue 13: goal ≥ 0,5× COPY, peak RSS growth < 256 MB). Used by bench:api and
// bench:export; prints figures, never fails on them.
import type { Db } from '../../server/db/createDatabase.ts';
import { observationsQuery } from '../../server/observations/observationsRepository.ts';
import { mb, peakRss, perSecond } from './measure.ts';

export type CopyFloor =
  /** COPY (query) TO STDOUT (PGlite: TO '/dev/blob') in CSV: bytes, seconds, peak RSS growth. */ (
    query: string,
  ) => Promise<{ bytes: number; seconds: number; peakRss: number }>;

/** Reads the export over HTTP as a client that only counts bytes, then the COPY floor; prints both and the ratio. */
export async function benchCsvExport(
  db: Db,
  apiBase: string,
  copy: CopyFloor,
  floorName: string,
): Promise<void> {
  // identity: the bytes as COPY sends them; gzip: what a browser gets (the app's compression costs CPU too).
  for (const [dialect, encoding] of [
    ['excel', 'identity'],
    ['standaard', 'identity'],
    ['excel', 'gzip'],
  ] as const) {
    const rss = peakRss();
    const started = performance.now();
    const response = await fetch(`${apiBase}/exports/waarnemingen.csv?dialect=${dialect}`, {
      headers: { 'accept-encoding': encoding },
    });
    if (!response.ok) throw new Error(`export → ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = rss.stop();
    // The same rows (without disclosure, flags or targets: COPY cannot run our code) straight from the database.
    const compiled = observationsQuery(db)
      .orderBy('o.indicator_id')
      .orderBy('o.area_code')
      .orderBy('o.vintage')
      .orderBy('o.period')
      .compile();
    const floor = await copy(compiled.sql);
    const ratio = bytes / seconds / (floor.bytes / floor.seconds);
    console.log(
      `CSV export ${dialect}, ${encoding} (${lines - 1} rows, ${mb(bytes)}): ${perSecond(bytes, seconds)}, ${seconds.toFixed(2)} s, ` +
        `peak RSS +${mb(peak)} | COPY ${floorName} (${mb(floor.bytes)}): ${perSecond(floor.bytes, floor.seconds)}, ` +
        `${floor.seconds.toFixed(2)} s, peak RSS +${mb(floor.peakRss)} | ratio ${ratio.toFixed(2)}× (goal ≥ 0,5×; RSS goal < 256 MB)`,
    );
  }
}
