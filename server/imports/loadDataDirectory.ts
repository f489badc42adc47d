import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/createDatabase.ts';
import { formatRowError, type ImportFileKind, type ImportReport, importFile } from './importFile.ts';

/** One file of a directory or data pack: what to import and how to label it. */
export interface DataFile {
  kind: ImportFileKind;
  path: string;
  vintage?: number;
  year?: number;
  /** KWB: create the areas the file names (a pack without wijk/buurt boundaries, e.g. gm0546). */
  createMissingAreas?: boolean;
  label: string;
}

export type LoadedFile = ImportReport & { label: string };

/** The files of a directory shaped like ../shared/data that `BUURTPEIL_DATA_DIR` and `import map` load, in order. */
export const DATA_DIRECTORY_FILES: DataFile[] = [
  {
    kind: 'grenzen',
    path: 'geometry/gm1916/buurten_2017_GM1916_rd.geojson',
    vintage: 2017,
    label: 'Buurten 2017 GM1916 (+ wijken, gemeente)',
  },
  {
    kind: 'grenzen',
    path: 'geometry/gm1916/buurten_2022_GM1916_rd.geojson',
    vintage: 2022,
    label: 'Buurten 2022 GM1916 (+ wijken, gemeente)',
  },
  {
    kind: 'kwb',
    path: 'kwb/gm1916/kwb2017_83765NED_GM1916_subset.csv',
    year: 2017,
    label: 'KWB 2017 GM1916',
  },
  { kind: 'kwb', path: 'kwb/gm1916/kwb2024_85984NED_GM1916.csv', year: 2024, label: 'KWB 2024 GM1916' },
  {
    kind: 'elan',
    path: 'wijkprofielen-elan/gm1916_wijken_2009_2022.csv',
    label: 'ELAN-wijkprofielen GM1916 2009–2022 (wijken, indeling 2022)',
  },
];

export interface DataDirectorySummary {
  ok: boolean;
  reports: LoadedFile[];
  missingFiles: string[];
  /** Every error of every file, formatted for people. */
  errors: string[];
}

/**
 * Loads the GM1916 boundaries (2017 and 2022 buurten, with wijken and gemeente derived from them),
 * the KWB 2017 and 2024 figures from a local copy of the CBS/PDOK files, and the ELAN/LUMC
 * wijkprofielen 2009–2022 when present. Each file is its own
 * import (own transaction, own imports row); loading twice changes nothing.
 */
export async function loadDataDirectory(
  db: Db,
  dataDir: string,
  options: { actor: string; onProgress?: (done: number, total: number, label: string) => void },
): Promise<DataDirectorySummary> {
  const summary = await loadFileList(db, dataDir, DATA_DIRECTORY_FILES, options);
  if (summary.missingFiles.length === DATA_DIRECTORY_FILES.length) {
    summary.ok = false;
    summary.errors.push(
      `In ${dataDir} staat geen van de verwachte bestanden (bijv. ${DATA_DIRECTORY_FILES[0]!.path}).`,
    );
  }
  return summary;
}

/** Imports `files` (paths relative to `baseDir`) in order, each its own all-or-nothing import. */
export async function loadFileList(
  db: Db,
  baseDir: string,
  files: DataFile[],
  options: {
    actor: string;
    onProgress?: (done: number, total: number, label: string) => void;
    onFile?: (file: LoadedFile) => void;
  },
): Promise<DataDirectorySummary> {
  const summary: DataDirectorySummary = { ok: true, reports: [], missingFiles: [], errors: [] };
  const total = files.length;
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, total, file.label);
    const filePath = path.join(baseDir, file.path);
    if (!existsSync(filePath)) {
      summary.missingFiles.push(file.path);
      continue;
    }
    const report = await importFile(
      db,
      {
        kind: file.kind,
        fileName: path.basename(file.path),
        bytes: readFileSync(filePath),
        actor: options.actor,
        ...(file.vintage === undefined ? {} : { vintage: file.vintage }),
        ...(file.year === undefined ? {} : { year: file.year }),
      },
      { dryRun: false, ...(file.createMissingAreas ? { createMissingAreas: true } : {}) },
    );
    const loaded = { ...report, label: file.label };
    summary.reports.push(loaded);
    options.onFile?.(loaded);
    if (!report.ok) {
      summary.ok = false;
      summary.errors.push(...report.errors.map((error) => `${file.path}: ${formatRowError(error)}`));
    }
  }
  options.onProgress?.(total, total, 'klaar');
  return summary;
}
