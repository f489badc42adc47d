import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

// An export as a GIS reads it, with GDAL's command-line tools (Debian: apt-get install gdal-bin).
// Tests that need it skip where it is not installed.
export const ogr2ogr = ['/usr/bin/ogr2ogr', '/usr/local/bin/ogr2ogr'].find((file) => existsSync(file));

export interface OgrLayer {
  geometryType: string;
  featureCount: number;
  /** Field name → GDAL type (String, Integer, Real, …), in the layer's order. */
  fields: Map<string, string>;
  /** `ogrinfo -so` text: extent, SRS, axis mapping. */
  summary: string;
  /** The rows, the geometry as `WKT` (null where a feature has none). */
  features: Array<Record<string, string | null>>;
}

/**
 * Writes the export to a file named `laag.<extension>`, optionally converts it with ogr2ogr (to
 * `GPKG`, as a researcher would), then reads the layer's schema with `ogrinfo -so` and its rows as
 * CSV. ogrinfo -json needs GDAL 3.7; Debian 12 has 3.6, hence the summary text.
 */
export function readInGis(file: string | Uint8Array, extension: string, convertTo?: 'GPKG'): OgrLayer {
  const dir = mkdtempSync(path.join(tmpdir(), 'buurtpeil-ogr-'));
  try {
    let input = path.join(dir, `laag.${extension}`);
    writeFileSync(input, file);
    if (convertTo) {
      const output = path.join(dir, 'laag.gpkg');
      execFileSync(ogr2ogr!, ['-f', convertTo, output, input], { stdio: 'pipe', timeout: 60_000 });
      input = output;
    }
    const ogrinfo = ogr2ogr!.replace(/ogr2ogr$/, 'ogrinfo');
    const summary = execFileSync(ogrinfo, ['-so', '-al', input], { encoding: 'utf8', timeout: 60_000 });
    const fields = new Map<string, string>();
    for (const match of summary.matchAll(/^(\w+): (\w+) \(/gm)) fields.set(match[1]!, match[2]!);
    const csv = execFileSync(ogr2ogr!, ['-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', '/vsistdout/', input], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const features = parse(csv, { columns: true }) as Array<Record<string, string>>;
    return {
      geometryType: /^Geometry: (.+)$/m.exec(summary)?.[1] ?? '',
      featureCount: Number(/^Feature Count: (\d+)$/m.exec(summary)?.[1] ?? Number.NaN),
      fields,
      summary,
      features: features.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : value])),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
