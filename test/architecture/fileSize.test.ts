// No TypeScript file outside the tests over 400 lines: a file that long holds more than one idea
// and is split along its ideas instead (issue 10).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The files over the limit, with their length. */
function longFiles(dirs: string[], max = MAX_LINES): string[] {
  return dirs
    .flatMap(sourceFiles)
    .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > max)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
}

describe('file size', () => {
  test(`no TypeScript file in server, client, schemas or scripts is over ${MAX_LINES} lines`, () => {
    assert.deepEqual(longFiles(['server', 'client/src', 'schemas', 'scripts']), []);
  });

  test('reports a file over the limit', () => {
    assert.ok(longFiles(['server'], 300).length > 0, 'some server file is over 300 lines');
  });
});
