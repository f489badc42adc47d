import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { InspanningBody } from '../../schemas/plan.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { addUser, type LoggedIn, login } from '../fixtures/beheer/beheerTestSupport.ts';
import { assertProblem } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The half-yearly voortgang of Sterk voor Noord's inspanningen: recorded in beheer, history kept,
// audit trail, public answer per half year.

describe('Voortgang per inspanning per half year', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let ids: Map<string, number>;
  const post = (body: object, session: LoggedIn = editor, programme = 'sterk-voor-noord') =>
    request(t.app)
      .post(`/api/v1/beheer/programmas/${programme}/voortgang`)
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .send(body);
  const plan = async (query = '') =>
    (await request(t.app).get(`/api/v1/programmas/sterk-voor-noord/plan${query}`).expect(200)).body;
  const find = (body: { inspanningen: InspanningBody[] }, code: string) =>
    body.inspanningen.find((i) => i.code === code)!;

  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    await addUser(t.db, 'redacteur1', 'redacteur');
    editor = await login(t.app, 'redacteur1');
    ids = new Map((await plan()).inspanningen.map((i: InspanningBody) => [i.code, i.id]));
  });
  after(() => t.destroy());

  it('has no voortgang before anything is recorded: every inspanning counted as without', async () => {
    const body = await plan();
    assert.equal(body.periode, null);
    assert.equal(body.zonderVoortgang, 24);
    assert.equal(find(body, '1.6').laatsteVoortgang, null);
  });

  it('records a half year for several inspanningen at once', async () => {
    const res = await post({
      periode: '2025-H2',
      regels: [
        {
          inspanning: ids.get('1.6'),
          status: 'loopt',
          toelichting: '12 trajecten gestart',
          outputGerealiseerd: 12,
          besteed: 48000,
        },
        {
          inspanning: ids.get('3.1'),
          status: 'vertraagd',
          toelichting: 'Tweede consulent later begonnen',
          besteed: 70000,
        },
      ],
    }).expect(201);
    assert.equal(res.body.vastgelegd.length, 2);
    const body = await plan();
    assert.equal(body.periode, '2025-H2');
    const jongeren = find(body, '1.6');
    assert.equal(jongeren.laatsteVoortgang?.status, 'loopt');
    assert.equal(jongeren.output?.gerealiseerd, 12);
    assert.equal(jongeren.besteedTotaal, 48000);
    assert.equal(body.statusTelling.loopt, 1);
    assert.equal(body.statusTelling.vertraagd, 1);
    assert.equal(body.zonderVoortgang, 22);
  });

  it('keeps history: a second entry for the same half year holds, the first stays in the audit log', async () => {
    await post({
      periode: '2025-H2',
      regels: [{ inspanning: ids.get('3.1'), status: 'loopt', besteed: 75000 }],
    }).expect(201);
    const body = await plan();
    const werk = find(body, '3.1');
    assert.equal(werk.laatsteVoortgang?.status, 'loopt');
    assert.equal(werk.besteedTotaal, 75000);
    assert.equal(werk.geschiedenis.length, 1);
    const rows = await t.db
      .selectFrom('voortgang')
      .selectAll()
      .where('inspanning_id', '=', ids.get('3.1')!)
      .execute();
    assert.equal(rows.length, 2);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'voortgang.vastleggen')
      .orderBy('id')
      .execute();
    assert.equal(audit.length, 3);
    assert.equal(audit[2]!.actor, 'redacteur1');
    assert.deepEqual((audit[2]!.before as { status: string }).status, 'vertraagd');
    assert.deepEqual((audit[2]!.after as { status: string }).status, 'loopt');
  });

  it('sums spending over half years and shows the stand as of an earlier half year', async () => {
    await post({
      periode: '2026-H1',
      regels: [{ inspanning: ids.get('1.6'), status: 'loopt', outputGerealiseerd: 19, besteed: 50000 }],
    }).expect(201);
    const now = find(await plan(), '1.6');
    assert.equal(now.besteedTotaal, 98000);
    assert.equal(now.output?.gerealiseerd, 19);
    assert.deepEqual(
      now.geschiedenis.map((e: { periode: string }) => e.periode),
      ['2025-H2', '2026-H1'],
    );
    const earlier = find(await plan('?periode=2025-H2'), '1.6');
    assert.equal(earlier.besteedTotaal, 48000);
    assert.equal(earlier.laatsteVoortgang?.periode, '2025-H2');
  });

  it('never names who recorded it in the public answer', async () => {
    const text = JSON.stringify(await plan());
    assert.doesNotMatch(text, /redacteur1/);
  });

  it('refuses a wrong status, a malformed half year and a negative amount, naming each field', async () => {
    const res = await post({
      periode: '2026-H3',
      regels: [{ inspanning: ids.get('1.6'), status: 'bijna klaar', besteed: -5 }],
    });
    assertProblem(res, 400, ['periode', 'regels.0.status', 'regels.0.besteed']);
  });

  it('refuses an inspanning of another programme and the same inspanning twice; nothing is written', async () => {
    const other = (await request(t.app).get('/api/v1/programmas/social-impact-leiden/plan').expect(200)).body
      .inspanningen[0].id;
    const before = await t.db
      .selectFrom('voortgang')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assertProblem(
      await post({
        periode: '2026-H1',
        regels: [
          { inspanning: ids.get('1.1'), status: 'loopt' },
          { inspanning: other, status: 'loopt' },
        ],
      }),
      400,
      ['regels.1.inspanning'],
    );
    assertProblem(
      await post({
        periode: '2026-H1',
        regels: [
          { inspanning: ids.get('1.1'), status: 'loopt' },
          { inspanning: ids.get('1.1'), status: 'gestopt' },
        ],
      }),
      400,
      ['regels.1.inspanning'],
    );
    const afterCount = await t.db
      .selectFrom('voortgang')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('answers 401 without a session and 404 for an unknown programme', async () => {
    assertProblem(
      await request(t.app)
        .post('/api/v1/beheer/programmas/sterk-voor-noord/voortgang')
        .send({ periode: '2026-H1', regels: [] }),
      401,
    );
    assertProblem(
      await post(
        { periode: '2026-H1', regels: [{ inspanning: 1, status: 'loopt' }] },
        editor,
        'bestaat-niet',
      ),
      404,
    );
  });

  it('refuses a malformed filter with 400 naming it', async () => {
    assertProblem(await request(t.app).get('/api/v1/programmas/sterk-voor-noord/plan?periode=2026'), 400, [
      'periode',
    ]);
    assertProblem(await request(t.app).get('/api/v1/programmas/sterk-voor-noord/plan?partner=abc'), 400, [
      'partner',
    ]);
    assertProblem(await request(t.app).get('/api/v1/programmas/bestaat-niet/plan'), 404);
  });
});
