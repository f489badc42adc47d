import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { InspanningBody } from '../../schemas/plan.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { addUser, type LoggedIn, login, PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import { assertProblem } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

/** An audit column as an object, whether the driver gives jsonb parsed (PostgreSQL) or as text. */
const jsonOf = (value: unknown): { wat?: string } =>
  typeof value === 'string' ? JSON.parse(value) : ((value ?? {}) as { wat?: string });

// Beheer of a plan: organisations, doelen and inspanningen created and changed with their audit
// lines, and the partner role recording voortgang only for its own organisation's inspanningen.

describe('plan beheer: doelen, inspanningen, organisations and the partner role', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let beheerder: LoggedIn;
  const send = (method: 'post' | 'put', path: string, body: object, session: LoggedIn = editor) =>
    request(t.app)
      [method](`/api/v1/beheer${path}`)
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrf)
      .send(body);
  const get = (path: string, session: LoggedIn = editor) =>
    request(t.app).get(`/api/v1/beheer${path}`).set('Cookie', session.cookie);
  const plan = async () =>
    (await request(t.app).get('/api/v1/programmas/sterk-voor-noord/plan').expect(200)).body as {
      inspanningen: InspanningBody[];
      doelen: { code: string; subdoelen: { code: string }[] }[];
    };
  const auditOf = (action: string) =>
    t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  let welzijn: number;
  let elsewhere: number;
  let doel: number;
  let created: number;

  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    await addUser(t.db, 'redactie', 'redacteur');
    await addUser(t.db, 'beheer', 'beheerder');
    editor = await login(t.app, 'redactie');
    beheerder = await login(t.app, 'beheer');
  });
  after(() => t.destroy());

  it('creates an organisation once per gemeente; the same name in other letters is refused as existing', async () => {
    const res = await send('post', '/organisaties', { naam: 'Buurtwerk Noord', gemeente: 'GM1916' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    welzijn = res.body.id;
    const again = await send('post', '/organisaties', { naam: 'buurtwerk noord', gemeente: 'GM1916' });
    assertProblem(again, 409, ['naam']);
    assert.match(again.body.detail, /Er is al een organisatie buurtwerk noord in GM1916/);
    elsewhere = (await send('post', '/organisaties', { naam: 'Buurtwerk Noord', gemeente: 'GM0546' })).body
      .id;
    const [audit] = await auditOf('organisatie.aanmaken');
    assert.equal(audit?.actor, 'redactie');
    const list = await get('/organisaties').expect(200);
    assert.ok(list.body.organisaties.some((o: { naam: string }) => o.naam === 'Buurtwerk Noord'));
  });

  it('creates a doel and a subdoel under it; a doel cannot go under its own subdoel', async () => {
    const top = await send('post', '/programmas/sterk-voor-noord/doelen', {
      code: '9',
      titel: 'Meer ontmoeting',
    });
    assert.equal(top.status, 201, JSON.stringify(top.body));
    doel = top.body.id;
    const sub = await send('post', '/programmas/sterk-voor-noord/doelen', {
      code: '9a',
      titel: 'Een buurtkamer per wijk',
      bovenliggend: doel,
    });
    assert.equal(sub.status, 201);
    const loop = await send('put', `/doelen/${doel}`, {
      code: '9',
      titel: 'Meer ontmoeting',
      bovenliggend: sub.body.id,
    });
    assertProblem(loop, 400, ['bovenliggend']);
    assert.match(loop.body.detail, /geen subdoel zijn van zichzelf/);
    assertProblem(
      await send('post', '/programmas/sterk-voor-noord/doelen', { code: '9', titel: 'Dubbel' }),
      409,
      ['code'],
    );
    const tree = await plan();
    assert.deepEqual(
      tree.doelen.find((d) => d.code === '9')?.subdoelen.map((d) => d.code),
      ['9a'],
    );
  });

  it('creates an inspanning with every field, shown on the public plan', async () => {
    const res = await send('post', '/programmas/sterk-voor-noord/inspanningen', {
      code: '9.1',
      wat: 'Buurtkamer Prinsenhof',
      hoe: 'Wekelijks open inloop met vrijwilligers',
      wanneer: { tekst: 'Start 2026', start: '2026-H1', eind: null },
      trekker: welzijn,
      partners: [],
      middelen: {
        tekst: 'Regulier',
        bedragen: [
          { jaar: 2026, bedrag: 15000 },
          { jaar: 2027, bedrag: 12000 },
        ],
      },
      doelen: ['9a'],
      gebieden: ['GM1916'],
      output: { omschrijving: 'bijeenkomsten', gepland: 40 },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    created = res.body.id;
    const shown = (await plan()).inspanningen.find((i) => i.code === '9.1')!;
    assert.equal(shown.wat, 'Buurtkamer Prinsenhof');
    assert.deepEqual(shown.wanneer, { tekst: 'Start 2026', start: '2026-H1', eind: null });
    assert.equal(shown.trekker?.naam, 'Buurtwerk Noord');
    assert.equal(shown.middelen.tekst, 'Regulier');
    assert.equal(shown.middelen.totaal, 27000);
    assert.deepEqual(shown.doelen, ['9a']);
    assert.deepEqual(shown.gebieden, ['GM1916']);
    assert.deepEqual(shown.output, { omschrijving: 'bijeenkomsten', gepland: 40, gerealiseerd: null });
    const [audit] = await auditOf('inspanning.aanmaken');
    assert.equal(jsonOf(audit?.after).wat, 'Buurtkamer Prinsenhof');
  });

  it('refuses an end before the start, another gemeente’s organisation, an unknown doel and area, each by field', async () => {
    const base = { code: '9.2', wat: 'Iets' };
    const early = await send('post', '/programmas/sterk-voor-noord/inspanningen', {
      ...base,
      wanneer: { start: '2026', eind: '2025-H2' },
    });
    assertProblem(early, 400, ['wanneer.eind']);
    assert.equal(early.body.invalidParams[0].reason, 'Het einde ligt vóór de start');
    const foreign = await send('post', '/programmas/sterk-voor-noord/inspanningen', {
      ...base,
      partners: [elsewhere],
    });
    assertProblem(foreign, 400, ['partners.0']);
    assert.match(foreign.body.detail, /hoort bij GM0546, dit programma bij GM1916/);
    assertProblem(
      await send('post', '/programmas/sterk-voor-noord/inspanningen', { ...base, doelen: ['77'] }),
      400,
      ['doelen.0'],
    );
    assertProblem(
      await send('post', '/programmas/sterk-voor-noord/inspanningen', { ...base, gebieden: ['BU99999999'] }),
      400,
      ['gebieden.0'],
    );
    assertProblem(await send('post', '/programmas/bestaat-niet/inspanningen', base), 404);
    const none = await t.db.selectFrom('inspanningen').select('id').where('code', '=', '9.2').execute();
    assert.equal(none.length, 0, 'nothing written for a refused inspanning');
  });

  it('replaces an inspanning as a whole: lists given replace the old ones, the audit keeps both', async () => {
    const res = await send('put', `/inspanningen/${created}`, {
      code: '9.1',
      wat: 'Buurtkamer Prinsenhof en Damsigt',
      wanneer: { tekst: '2026-2027', start: '2026', eind: '2027' },
      trekker: welzijn,
      middelen: { tekst: 'Nader te bepalen', bedragen: [] },
      doelen: ['9', '9a'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const shown = (await plan()).inspanningen.find((i) => i.code === '9.1')!;
    assert.equal(shown.middelen.totaal, null);
    assert.equal(shown.middelen.tekst, 'Nader te bepalen');
    assert.deepEqual(shown.gebieden, []);
    assert.equal(shown.output, null);
    const [audit] = await auditOf('inspanning.wijzigen');
    assert.equal(jsonOf(audit?.before).wat, 'Buurtkamer Prinsenhof');
    assert.equal(jsonOf(audit?.after).wat, 'Buurtkamer Prinsenhof en Damsigt');
    assertProblem(await send('put', '/inspanningen/999999', { code: 'x', wat: 'y' }), 404);
  });

  it('creates a partner account only with an existing organisation', async () => {
    const body = { gebruikersnaam: 'partner1', naam: 'Piet Partner', rol: 'partner', wachtwoord: PASSWORD };
    const missing = await send('post', '/gebruikers', body, beheerder);
    assertProblem(missing, 400, ['organisatie']);
    assert.equal(missing.body.invalidParams[0].reason, 'Kies de organisatie van deze partner');
    assertProblem(await send('post', '/gebruikers', { ...body, organisatie: 99999 }, beheerder), 400, [
      'organisatie',
    ]);
    assertProblem(
      await send('post', '/gebruikers', { ...body, rol: 'redacteur', organisatie: welzijn }, beheerder),
      400,
      ['organisatie'],
    );
    const made = await send('post', '/gebruikers', { ...body, organisatie: welzijn }, beheerder);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.organisatie, welzijn);
  });

  it('changes a role to partner only together with an organisation, and clears it for another role', async () => {
    const patch = (id: number, body: object) =>
      request(t.app)
        .patch(`/api/v1/beheer/gebruikers/${id}`)
        .set('Cookie', beheerder.cookie)
        .set('X-CSRF-Token', beheerder.csrf)
        .send(body);
    const { id } = await addUser(t.db, 'wisselaar', 'redacteur');
    assertProblem(await patch(id, { rol: 'partner' }), 400, ['organisatie']);
    assertProblem(await patch(id, { organisatie: welzijn }), 400, ['organisatie']);
    const toPartner = await patch(id, { rol: 'partner', organisatie: welzijn });
    assert.equal(toPartner.status, 200, JSON.stringify(toPartner.body));
    assert.equal(toPartner.body.organisatie, welzijn);
    const back = await patch(id, { rol: 'redacteur' });
    assert.equal(back.status, 200);
    assert.equal(back.body.organisatie, null);
  });

  it('a partner sees only its own inspanningen and records voortgang only for them', async () => {
    const partner = await login(t.app, 'partner1');
    const plans = await get('/plannen', partner).expect(200);
    assert.deepEqual(
      plans.body.programmas.map((p: { id: string; inspanningen: number }) => [p.id, p.inspanningen]),
      [['sterk-voor-noord', 1]],
    );
    const form = await get('/programmas/sterk-voor-noord/voortgang?periode=2026-H2', partner).expect(200);
    assert.equal(form.body.organisatie.naam, 'Buurtwerk Noord');
    assert.deepEqual(
      form.body.inspanningen.map((i: { code: string }) => i.code),
      ['9.1'],
    );
    const all = await get('/programmas/sterk-voor-noord/voortgang?periode=2026-H2').expect(200);
    assert.ok(all.body.inspanningen.length > 20, 'a redacteur sees every inspanning');

    const other = (await plan()).inspanningen.find((i) => i.code === '1.6')!;
    const refused = await send(
      'post',
      '/programmas/sterk-voor-noord/voortgang',
      {
        periode: '2026-H2',
        regels: [
          { inspanning: created, status: 'loopt' },
          { inspanning: other.id, status: 'gestopt' },
        ],
      },
      partner,
    );
    assertProblem(refused, 403, ['regels.1.inspanning']);
    assert.match(refused.body.invalidParams[0].reason, /niet van uw organisatie/);
    assert.equal((await t.db.selectFrom('voortgang').select('id').execute()).length, 0, 'all or nothing');

    for (const toelichting of ['Eerste opzet', 'Twaalf bijeenkomsten gehouden']) {
      const ok = await send(
        'post',
        '/programmas/sterk-voor-noord/voortgang',
        {
          periode: '2026-H2',
          regels: [{ inspanning: created, status: 'loopt', toelichting, besteed: 6000 }],
        },
        partner,
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
    }
    const after = await get('/programmas/sterk-voor-noord/voortgang?periode=2026-H2', partner).expect(200);
    const row = after.body.inspanningen[0];
    assert.equal(row.huidig.toelichting, 'Twaalf bijeenkomsten gehouden');
    assert.deepEqual(
      row.geschiedenis.map((e: { toelichting: string; door: string }) => [e.toelichting, e.door]),
      [
        ['Twaalf bijeenkomsten gehouden', 'partner1'],
        ['Eerste opzet', 'partner1'],
      ],
    );
    const audit = await auditOf('voortgang.vastleggen');
    assert.deepEqual(
      audit.map((a) => a.actor),
      ['partner1', 'partner1'],
    );
  });

  it('a partner may not edit the plan, its organisations or users', async () => {
    const partner = await login(t.app, 'partner1');
    for (const res of [
      await send('put', `/inspanningen/${created}`, { code: '9.1', wat: 'Gekaapt' }, partner),
      await send('post', '/organisaties', { naam: 'Eigen clubje', gemeente: 'GM1916' }, partner),
      await get('/organisaties', partner),
      await get('/gebruikers', partner),
      await get('/audit', partner),
    ]) {
      assertProblem(res, 403);
      assert.equal(res.body.title, 'Geen toegang');
    }
  });
});
