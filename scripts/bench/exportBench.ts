// The CSV export's throughput and memory beside COPY (…) TO STDOUT of the same rows, measured in
// the same run (issue 13: goal ≥ 0,5× COPY, peak RSS growth < 256 MB). Used by bench:api and
// bench:export; prints figures, never fails on them.
import { spawn } from 'node:child_process';
import type { Db } from '../../server/db/createDatabase.ts';
import { observationsQuery } from '../../server/observations/observationsRepository.ts';
import { mb, peakRss, perSecond } from './measure.ts';

export type CopyFloor =
  /** COPY (query) TO STDOUT (PGlite: TO '/dev/blob') in CSV: bytes, seconds, peak RSS growth. */ (
    query: string,
  ) => Promise<{ bytes: number; seconds: number; peakRss: number }>;

/** A client that only counts bytes and lines of the response: JavaScript run by `node -e`. */
const CHILD_READER = `
const [url, encoding] = process.argv.slice(1);
const started = performance.now();
const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
if (!response.ok) { console.error(response.status, await response.text()); process.exit(1); }
let bytes = 0, lines = 0;
for await (const chunk of response.body) {
  bytes += chunk.length;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
}
console.log(JSON.stringify({ bytes, lines, seconds: (performance.now() - started) / 1000 }));
`;

interface Read {
  bytes: number;
  lines: number;
  seconds: number;
}

/** The reader in this process: it shares the event loop (and the CPU core) with the server. */
async function readInProcess(url: string, encoding: string): Promise<Read> {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
  if (!response.ok) throw new Error(`export → ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, lines, seconds: (performance.now() - started) / 1000 };
}

/** The reader in a child process, as a real client is: the server's event loop is its own. */
function readInChild(url: string, encoding: string): Promise<Read> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_READER, url, encoding], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as Read) : reject(new Error(`reader exited with ${code}`)),
    );
  });
}

/**
 * Reads the export over HTTP twice, by a client in this process and by one in a child process
 * (the seconds are the reader's own, from request to last byte), then the COPY floor; prints the
 * figures and ratios. The RSS growth is this process's: client and server, or the server alone.
 */
export async function benchCsvExport(
  db: Db,
  apiBase: string,
  copy: CopyFloor,
  floorName: string,
): Promise<void> {
  // The same rows (without disclosure, flags or targets: COPY cannot run our code) straight from the database.
  const compiled = observationsQuery(db)
    .orderBy('o.indicator_id')
    .orderBy('o.area_code')
    .orderBy('o.vintage')
    .orderBy('o.period')
    .compile();
  // identity: the bytes as COPY sends them; gzip: what a browser gets (the app's compression costs CPU too).
  for (const [dialect, encoding] of [
    ['excel', 'identity'],
    ['standaard', 'identity'],
    ['excel', 'gzip'],
  ] as const) {
    const url = `${apiBase}/exports/waarnemingen.csv?dialect=${dialect}`;
    const figures: string[] = [];
    let rows = 0;
    let size = 0;
    const floor = await copy(compiled.sql);
    const floorRate = floor.bytes / floor.seconds;
    for (const [label, read] of [
      ['reader in this process', readInProcess],
      ['reader in a separate process', readInChild],
    ] as const) {
      const rss = peakRss();
      const result = await read(url, encoding);
      const peak = rss.stop();
      rows = result.lines - 1;
      size = result.bytes;
      figures.push(
        `${label}: ${perSecond(result.bytes, result.seconds)}, ${result.seconds.toFixed(2)} s, peak RSS +${mb(peak)}, ` +
          `ratio ${(result.bytes / result.seconds / floorRate).toFixed(2)}×`,
      );
    }
    console.log(
      `CSV export ${dialect}, ${encoding} (${rows} rows, ${mb(size)}) | COPY ${floorName} (${mb(floor.bytes)}): ` +
        `${perSecond(floor.bytes, floor.seconds)}, ${floor.seconds.toFixed(2)} s, peak RSS +${mb(floor.peakRss)}\n` +
        figures.map((line) => `    ${line}\n`).join('') +
        '    (goal ≥ 0,5× COPY; RSS goal < 256 MB)',
    );
  }
}
