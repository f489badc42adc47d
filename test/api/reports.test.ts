// Issue 11 items 5 and 6: the council report as one document, vaststellen by the programme
// manager, and a vastgestelde version that stays as reported after a correction.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { ReportBody } from '../../schemas/reports.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { recordVoortgang } from '../../server/plan/planRepository.ts';
import { addUser, type LoggedIn, login } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const LIVE = '/api/v1/programmas/sterk-voor-noord/rapportages/2026-H1';
const VASTSTELLEN = '/api/v1/beheer/programmas/sterk-voor-noord/rapportages/2026-H1/vaststellen';

describe('council report: live, vastgesteld, and what changed since', () => {
  let t: TestApp;
  let manager: LoggedIn;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    await addUser(t.db, 'programmamanager', 'beheerder');
    await addUser(t.db, 'redactie', 'redacteur');
    manager = await login(t.app, 'programmamanager');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const vaststellen = (who: LoggedIn | null, path = VASTSTELLEN) => {
    const call = request(t.app).post(path);
    return who ? call.set('Cookie', who.cookie).set('X-CSRF-Token', who.csrf) : call;
  };

  it('gives the live report with the newest figure it uses and no previous version', async () => {
    const res = await request(t.app).get(LIVE).expect(200);
    const report: ReportBody = res.body;
    assert.equal(report.periode, '2026-H1');
    assert.equal(report.vastgesteld, null);
    assert.equal(report.vorige, null);
    assert.equal(report.veranderingen, null);
    // The related CBS series and the volgen rows reach 2023; the result rows' own series stop earlier.
    assert.ok((report.gegevensTot.jaar ?? 0) >= 2023, `gegevens tot ${report.gegevensTot.jaar}`);
    assert.ok(report.voortgang.streefwaarden.length > 0);
    assert.ok(report.voortgang.volgen.length > 0);
    assert.equal(report.plan.periode, '2026-H1');
  });

  it('lets only the beheerder vaststellen, behind the session and CSRF checks', async () => {
    const may = (who: LoggedIn | null) => {
      const call = request(t.app).get(`${LIVE}/vaststelbaar`);
      return (who ? call.set('Cookie', who.cookie) : call).expect(200).then((r) => r.body.vaststellen);
    };
    assert.deepEqual([await may(null), await may(editor), await may(manager)], [false, false, true]);
    await vaststellen(null).expect(401);
    await vaststellen(editor).expect(403);
    await request(t.app).post(VASTSTELLEN).set('Cookie', manager.cookie).expect(403);
    await vaststellen(
      manager,
      '/api/v1/beheer/programmas/bestaat-niet/rapportages/2026-H1/vaststellen',
    ).expect(404);
    const bad = await vaststellen(
      manager,
      '/api/v1/beheer/programmas/sterk-voor-noord/rapportages/2026/vaststellen',
    )
      .expect(400)
      .expect('Content-Type', /problem\+json/);
    assert.match(JSON.stringify(bad.body), /half jaar/);
    assert.equal((await t.db.selectFrom('report_versions').selectAll().execute()).length, 0);
  });

  it('freezes the report: a correction afterwards changes the live report, never the vastgestelde', async () => {
    const live = (await request(t.app).get(LIVE).expect(200)).body as ReportBody;
    const res = await vaststellen(manager).expect(201);
    assert.equal(res.body.vastgesteld.versie, 1);
    assert.equal(res.headers.location, `${LIVE}/vastgesteld/1`);
    const frozen = (await request(t.app).get(`${LIVE}/vastgesteld/1`).expect(200)).body as ReportBody;
    assert.deepEqual(frozen.vastgesteld, res.body.vastgesteld);
    assert.deepEqual(frozen.voortgang, live.voortgang);
    assert.deepEqual(frozen.plan, live.plan);
    const text = JSON.stringify(frozen);
    assert.ok(!text.includes('programmamanager'), 'the public version names no person');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'rapportage.vaststellen')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor, 'programmamanager');

    // Correct the latest published figure of the first result row through the upload path.
    const row = live.voortgang.streefwaarden.find((s) =>
      s.reeks.some((o) => o.waarde !== null && !o.geheim),
    )!;
    const point = row.reeks.filter((o) => o.waarde !== null && !o.geheim).at(-1)!;
    const corrected = point.waarde! + 1;
    const csv = `gebiedscode;indicator;periode;waarde;teller;noemer;flags\n${row.gebied.code};${row.indicator.id};${point.periode};${String(corrected).replace('.', ',')};;;\n`;
    await request(t.app)
      .post('/api/v1/beheer/imports?soort=gemeentecijfers&modus=vastleggen&bestandsnaam=correctie.csv')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(csv))
      .expect(201);

    const after = (await request(t.app).get(LIVE).expect(200)).body as ReportBody;
    const afterRow = after.voortgang.streefwaarden.find(
      (s) => s.indicator.id === row.indicator.id && s.gebied.code === row.gebied.code,
    )!;
    assert.equal(
      afterRow.reeks.find((o) => o.periode === point.periode)?.waarde,
      corrected,
      'the live one changed',
    );
    const again = (await request(t.app).get(`${LIVE}/vastgesteld/1`).expect(200)).body as ReportBody;
    assert.deepEqual(again, frozen, 'the vastgestelde one did not');

    assert.deepEqual(after.vorige, frozen.vastgesteld);
    const change = after.veranderingen!.waarden.find(
      (w) => w.indicator.id === row.indicator.id && w.gebied.code === row.gebied.code,
    );
    assert.deepEqual(change && { periode: change.periode, van: change.van, naar: change.naar }, {
      periode: point.periode,
      van: point.waarde,
      naar: corrected,
    });
  });

  it('numbers a second vaststelling 2 and shows the voortgang recorded since the first', async () => {
    const inspanning = await t.db
      .selectFrom('inspanningen')
      .select(['id', 'code'])
      .where('programme_id', '=', 'sterk-voor-noord')
      .where('code', '=', '3.1')
      .executeTakeFirstOrThrow();
    await recordVoortgang(
      t.db,
      'sterk-voor-noord',
      {
        periode: '2026-H1',
        regels: [{ inspanning: inspanning.id, status: 'vertraagd', toelichting: 'Later begonnen' }],
      },
      { username: 'test', id: null },
    );
    const res = await vaststellen(manager).expect(201);
    assert.equal(res.body.vastgesteld.versie, 2);
    const second = (await request(t.app).get(`${LIVE}/vastgesteld/2`).expect(200)).body as ReportBody;
    assert.equal(second.vorige?.versie, 1);
    assert.deepEqual(
      second.veranderingen?.inspanningen.map((i) => `${i.code} ${i.van?.status ?? '–'} → ${i.naar?.status}`),
      ['3.1 – → vertraagd'],
    );
    const list = await request(t.app).get('/api/v1/programmas/sterk-voor-noord/rapportages').expect(200);
    assert.deepEqual(
      list.body.vastgesteld.map((v: { versie: number }) => v.versie),
      [2, 1],
    );
    await request(t.app).get(`${LIVE}/vastgesteld/3`).expect(404);
    await request(t.app).get('/api/v1/programmas/bestaat-niet/rapportages').expect(404);
  });
});
