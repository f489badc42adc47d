import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// The structure drawn from the imports (dependency-cruiser, rules in .dependency-cruiser.cjs):
// no circles, and no arrow running back up — the read side never imports an importer, pure rules
// never import Express or the database, features never import server/app.ts.
const root = path.resolve(import.meta.dirname, '..', '..');
const configFile = path.join(root, '.dependency-cruiser.cjs');

async function violationsIn(baseDir: string, folders: string[], tsConfig?: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(configFile);
  const result = await cruise(
    folders,
    { ...options, baseDir, validate: true, ...(tsConfig ? {} : { tsConfig: undefined }) },
    {},
    tsConfig ? { tsConfig: extractTSConfig(tsConfig) } : {},
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map(
    (v) =>
      `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`,
  );
}

describe('the import structure', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'buurtpeil-deps-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('has no circles and no arrows back up', async () => {
    const violations = await violationsIn(
      root,
      ['server', 'client/src', 'schemas', 'scripts', 'migrations'],
      path.join(root, 'tsconfig.json'),
    );
    assert.deepEqual(violations, []);
  });

  it('reports a circle, an importer on the read side and a database in a pure rule', async () => {
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), text);
    };
    write(
      'server/app.ts',
      "import { mountAreas } from './areas/areasRoutes.ts';\nexport const app = mountAreas;\n",
    );
    write(
      'server/areas/areasRoutes.ts',
      "import { app } from '../app.ts';\nexport const mountAreas = () => app;\n",
    );
    write(
      'server/areas/sameArea.ts',
      "import { parse } from '../imports/parse.ts';\nexport const same = parse;\n",
    );
    write('server/imports/parse.ts', 'export const parse = 1;\n');
    write('server/progress/rule.ts', "import { db } from '../db/db.ts';\nexport const rule = db;\n");
    write('server/db/db.ts', 'export const db = 1;\n');
    const violations = (await violationsIn(scratch, ['server'])).map((v) => v.split(':')[0]).sort();
    assert.deepEqual(violations, [
      'app-only-from-main',
      'no-circular',
      'pure-rules-no-express-or-db',
      'read-side-not-importers',
    ]);
  });
});
