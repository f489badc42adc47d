// No block of 10 or more lines repeated in server/ or client/src (jscpd, .jscpd.json): a shape
// written twice drifts apart. `npm run check:duplicates` prints the same report for people.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'node_modules', 'jscpd', 'bin', 'jscpd');

interface Clone {
  firstFile: { name: string; start: number; end: number };
  secondFile: { name: string; start: number; end: number };
}

/** jscpd's clones in these folders, run as its CLI (plain node: its packages ship TypeScript sources tsx would pick). */
function clones(dirs: string[]): string[] {
  const out = mkdtempSync(path.join(tmpdir(), 'jscpd-'));
  try {
    // With threshold 0 (.jscpd.json) the CLI exits 1 on any clone; the report says which.
    spawnSync(
      process.execPath,
      [
        cli,
        ...dirs,
        '--config',
        path.join(root, '.jscpd.json'),
        '--reporters',
        'json',
        '--output',
        out,
        '--silent',
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const report = JSON.parse(readFileSync(path.join(out, 'jscpd-report.json'), 'utf8')) as {
      duplicates: Clone[];
    };
    return report.duplicates.map(
      (d) =>
        `${d.firstFile.name}:${d.firstFile.start}–${d.firstFile.end} = ${d.secondFile.name}:${d.secondFile.start}–${d.secondFile.end}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('duplicate code', () => {
  test('server/ and client/src have no repeated block of 10+ lines', () => {
    assert.deepEqual(clones(['server', 'client/src']), []);
  });

  test('the scan finds a block copied on purpose', () => {
    assert.equal(clones(['test/fixtures/duplicates']).length, 1);
  });
});
