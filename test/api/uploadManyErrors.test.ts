/**
 * D10: a file with more row errors than a function call can take as arguments. Before the fix
 * `report.errors.push(...errors)` overflowed the stack past ~120 000 errors and the upload gave a
 * 500. Now the report holds the first 1 000 errors in line order and the total count.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const BAD_ROWS = 150_000;

describe('beheer: an upload with 150 000 bad rows (D10)', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  it('is refused with the first errors and the total count, not a 500', async () => {
    const lines = ['gebiedscode;indicator;periode;waarde;teller;noemer;flags'];
    for (let i = 0; i < BAD_ROWS; i++) lines.push(`BU19160200;bijstand_huishoudens_pct;2022;x${i};;;`);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    for (const modus of ['voorbeeld', 'vastleggen'] as const) {
      const res = await request(t.app)
        .post(`/api/v1/beheer/imports?soort=gemeentecijfers&modus=${modus}&bestandsnaam=veel-fouten.csv`)
        .set('Cookie', editor.cookie)
        .set('X-CSRF-Token', editor.csrf)
        .set('Content-Type', 'application/octet-stream')
        .send(bytes);
      assert.equal(res.status, modus === 'voorbeeld' ? 200 : 422, JSON.stringify(res.body).slice(0, 300));
      const report = modus === 'voorbeeld' ? res.body : res.body.rapport;
      assert.equal(report.geldig, false);
      assert.ok(report.foutenTotaal >= BAD_ROWS, `foutenTotaal ${report.foutenTotaal}`);
      assert.equal(report.fouten.length, 1000);
      assert.equal(report.fouten[0].regel, 2);
      if (modus === 'vastleggen') assert.match(res.body.detail, new RegExp(`${report.foutenTotaal} fout`));
    }
  });
});
