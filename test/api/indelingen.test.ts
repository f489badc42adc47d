import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { vintageForYear } from '../../server/areas/vintageForPeriod.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('GET /api/v1/indelingen: the one year → indeling rule', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.destroy());

  it('GM1916: up to 2018 the 2017 boundaries (12 wijken), from 2019 the 2022 boundaries (13 wijken)', async () => {
    const res = await request(t.app).get('/api/v1/indelingen');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.regels, [
      { vanJaar: null, totEnMetJaar: 2018, indeling: 2017 },
      { vanJaar: 2019, totEnMetJaar: null, indeling: 2022 },
    ]);
    assert.deepEqual(res.body.jarenMetCijfers, []);
  });

  it('gives for every year what the importers and map layers use', async () => {
    const { regels } = (await request(t.app).get('/api/v1/indelingen')).body as {
      regels: { vanJaar: number | null; totEnMetJaar: number | null; indeling: number }[];
    };
    for (let year = 2005; year <= 2035; year++) {
      const regel = regels.find(
        (r) =>
          (r.vanJaar === null || r.vanJaar <= year) && (r.totEnMetJaar === null || year <= r.totEnMetJaar),
      );
      assert.equal(regel?.indeling, vintageForYear(year), String(year));
    }
  });

  it('the client keeps no copy of the rule', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk(path.resolve(import.meta.dirname, '..', '..', 'client', 'src'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /boundaryVintageByYear|kwb-columns/, file);
      assert.doesNotMatch(text, /\[\s*2017\s*,\s*20(18|19|20|22)/, `${file}: a hard-coded list of years`);
    }
  });
});
