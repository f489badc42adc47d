import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { Target } from '../../server/db/Database.ts';
import {
  addUser,
  type LoggedIn,
  login,
  PASSWORD,
  seedProgramme,
} from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const reasonsByName = (res: request.Response) =>
  Object.fromEntries(
    (res.body.invalidParams ?? []).map((p: { name: string; reason: string }) => [p.name, p.reason]),
  );

describe('beheer: users', () => {
  let t: TestApp;
  let beheer: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await addUser(t.db, 'beheer', 'beheerder');
    beheer = await login(t.app, 'beheer');
  });
  after(() => t.destroy());

  const as = (session: LoggedIn) => ({
    post: (path: string) =>
      request(t.app).post(path).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf),
    patch: (path: string) =>
      request(t.app).patch(path).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrf),
  });

  it('creates a redacteur who can then log in, and never shows a password hash', async () => {
    const res = await as(beheer)
      .post('/api/v1/beheer/gebruikers')
      .send({ gebruikersnaam: 'Bert', naam: 'Bert Jansen', rol: 'redacteur', wachtwoord: PASSWORD })
      .expect(201);
    assert.equal(res.body.gebruikersnaam, 'bert');
    assert.equal(JSON.stringify(res.body).includes('argon2'), false);
    await login(t.app, 'bert');
    const list = await request(t.app)
      .get('/api/v1/beheer/gebruikers')
      .set('Cookie', beheer.cookie)
      .expect(200);
    assert.ok(list.body.gebruikers.some((u: { gebruikersnaam: string }) => u.gebruikersnaam === 'bert'));
    assert.equal(JSON.stringify(list.body).includes('argon2'), false);
  });

  it('names every invalid field of a new user in Dutch', async () => {
    const res = await as(beheer)
      .post('/api/v1/beheer/gebruikers')
      .send({ gebruikersnaam: '!', rol: 'baas', wachtwoord: 'kort' })
      .expect(400);
    const reasons = reasonsByName(res);
    assert.deepEqual(Object.keys(reasons).sort(), ['gebruikersnaam', 'naam', 'rol', 'wachtwoord']);
    assert.match(reasons.wachtwoord, /minstens 12 tekens/);
  });

  it('refuses a user name that exists with 409', async () => {
    await as(beheer)
      .post('/api/v1/beheer/gebruikers')
      .send({ gebruikersnaam: 'beheer', naam: 'X', rol: 'redacteur', wachtwoord: PASSWORD })
      .expect(409);
  });

  it('disabling an account ends its open sessions at once', async () => {
    const user = await addUser(t.db, 'carla', 'redacteur');
    const carla = await login(t.app, 'carla');
    await as(beheer).patch(`/api/v1/beheer/gebruikers/${user.id}`).send({ uitgeschakeld: true }).expect(200);
    await request(t.app).get('/api/v1/sessies/huidig').set('Cookie', carla.cookie).expect(401);
  });

  it('a role change applies to the next request of an open session', async () => {
    const user = await addUser(t.db, 'dirk', 'beheerder');
    const dirk = await login(t.app, 'dirk');
    await request(t.app).get('/api/v1/beheer/gebruikers').set('Cookie', dirk.cookie).expect(200);
    await as(beheer).patch(`/api/v1/beheer/gebruikers/${user.id}`).send({ rol: 'redacteur' }).expect(200);
    await request(t.app).get('/api/v1/beheer/gebruikers').set('Cookie', dirk.cookie).expect(403);
  });

  it('does not let the last active beheerder be demoted or disabled', async () => {
    const self = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'beheer')
      .executeTakeFirstOrThrow();
    const res = await as(beheer).patch(`/api/v1/beheer/gebruikers/${self.id}`).send({ rol: 'redacteur' });
    assert.equal(res.status, 409);
    assert.equal(res.body.title, 'Laatste beheerder');
  });

  it('records user changes in the audit log with before and after, without the password', async () => {
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'gebruiker')
      .orderBy('id')
      .execute();
    const disabled = rows.find(
      (row) =>
        row.action === 'gebruiker.wijzigen' && (row.after as { uitgeschakeld?: boolean }).uitgeschakeld,
    );
    assert.ok(disabled);
    assert.equal((disabled.before as { uitgeschakeld: boolean }).uitgeschakeld, false);
    assert.equal(disabled.actor, 'beheer');
    assert.equal(JSON.stringify(rows).includes('argon2'), false);
  });
});

describe('beheer: targets and programmes', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let seeded: Target;
  before(async () => {
    t = await createTestApp();
    seeded = await seedProgramme(t.db);
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const post = (body: object) =>
    request(t.app)
      .post('/api/v1/beheer/streefwaarden')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send(body);
  const patch = (path: string, body: object) =>
    request(t.app).patch(path).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).send(body);
  const base = {
    programmaId: 'sterk-voor-noord',
    indicatorId: 'bijstand_huishoudens_pct',
    gebiedscode: 'BU19160602',
    horizon: 10,
    streefjaar: 2031,
    basisjaar: 2020,
    basiswaarde: 21,
  };

  it('creates an absolute target', async () => {
    const res = await post({ ...base, soort: 'absoluut', streefwaarde: 15 }).expect(201);
    assert.equal(res.body.soort, 'absoluut');
    assert.equal(res.body.streefwaarde, 15);
  });

  it('creates a reference-level target that keeps the plan’s number', async () => {
    const res = await post({
      ...base,
      horizon: 20,
      streefjaar: 2041,
      soort: 'referentieniveau',
      referentiegebied: 'GM1916',
      streefwaarde: 6,
      planTekst: '6% LV',
    }).expect(201);
    assert.equal(res.body.referentiegebied, 'GM1916');
    assert.equal(res.body.streefwaarde, 6);
  });

  it('creates a direction target', async () => {
    const res = await post({
      ...base,
      gebiedscode: 'WK191602',
      soort: 'richting',
      richting: 'afname',
    }).expect(201);
    assert.equal(res.body.richting, 'afname');
    assert.equal(res.body.streefwaarde, null);
  });

  it('refuses an absolute target without a number, in Dutch, naming the field', async () => {
    const res = await post({ ...base, gebiedscode: 'GM1916', soort: 'absoluut' }).expect(400);
    assert.match(reasonsByName(res).streefwaarde, /getal/);
  });

  it('refuses a reference level without a reference area', async () => {
    const res = await post({ ...base, gebiedscode: 'GM1916', soort: 'referentieniveau' }).expect(400);
    assert.match(reasonsByName(res).referentiegebied, /referentiegebied/);
  });

  it('refuses a direction target without a direction', async () => {
    const res = await post({ ...base, gebiedscode: 'GM1916', soort: 'richting' }).expect(400);
    assert.ok(reasonsByName(res).richting);
  });

  it('refuses a horizon other than 10 or 20 and a target year not after the baseline year', async () => {
    const res = await post({
      ...base,
      gebiedscode: 'GM1916',
      soort: 'absoluut',
      streefwaarde: 1,
      horizon: 15,
      streefjaar: 2019,
    }).expect(400);
    const reasons = reasonsByName(res);
    assert.ok(reasons.horizon);
    assert.match(reasons.streefjaar ?? '', /na het basisjaar/);
  });

  it('refuses an indicator or area that does not exist', async () => {
    const res = await post({
      ...base,
      indicatorId: 'bestaat_niet',
      gebiedscode: 'BU99999999',
      soort: 'absoluut',
      streefwaarde: 1,
    }).expect(400);
    assert.deepEqual(Object.keys(reasonsByName(res)).sort(), ['gebiedscode', 'indicatorId']);
  });

  it('refuses a second target for the same indicator, area and horizon with 409', async () => {
    await post({ ...base, gebiedscode: 'BU19160200', soort: 'absoluut', streefwaarde: 1 }).expect(409);
  });

  it('changes a target and records before and after in the audit log', async () => {
    const res = await patch(`/api/v1/beheer/streefwaarden/${seeded.id}`, {
      streefwaarde: 12,
      besluitKenmerk: 'Raadsbesluit 2023/114',
      besluitDatum: '2023-06-12',
    }).expect(200);
    assert.equal(res.body.streefwaarde, 12);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'streefwaarde.wijzigen')
      .executeTakeFirstOrThrow();
    assert.equal((entry.before as { streefwaarde: number }).streefwaarde, 13.5);
    assert.equal((entry.after as { streefwaarde: number }).streefwaarde, 12);
    assert.equal(entry.actor, 'redactie');
  });

  it('validates the merged result of a change (switching to richting needs a direction)', async () => {
    const res = await patch(`/api/v1/beheer/streefwaarden/${seeded.id}`, { soort: 'richting' }).expect(400);
    assert.ok(reasonsByName(res).richting);
  });

  it('deletes a target and keeps the whole of it in the audit log', async () => {
    const created = await post({ ...base, gebiedscode: 'GM1916', soort: 'absoluut', streefwaarde: 9 }).expect(
      201,
    );
    await request(t.app)
      .delete(`/api/v1/beheer/streefwaarden/${created.body.id}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .expect(204);
    const gone = await t.db
      .selectFrom('targets')
      .select('id')
      .where('id', '=', created.body.id)
      .executeTakeFirst();
    assert.equal(gone, undefined);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'streefwaarde.verwijderen')
      .executeTakeFirstOrThrow();
    assert.equal((entry.before as { streefwaarde: number }).streefwaarde, 9);
    assert.equal(entry.after, null);
  });

  it('changes a programme’s name, areas and reference area, with audit', async () => {
    const res = await patch('/api/v1/beheer/programmas/sterk-voor-noord', {
      naam: 'Sterk voor Noord (herzien)',
      referentiegebied: 'GM1916',
      gebieden: [
        { gebiedscode: 'BU19160200', rol: 'focus', label: 'Prinsenhof hoog' },
        { gebiedscode: 'WK191602', rol: 'focus', label: 'Prinsenhof' },
      ],
    }).expect(200);
    assert.equal(res.body.naam, 'Sterk voor Noord (herzien)');
    assert.deepEqual(
      res.body.gebieden.map((g: { gebiedscode: string }) => g.gebiedscode),
      ['BU19160200', 'WK191602'],
    );
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'programma.wijzigen')
      .executeTakeFirstOrThrow();
    assert.equal((entry.before as { naam: string }).naam, 'Sterk voor Noord');
  });

  it('refuses programme areas that do not exist in the programme’s indeling', async () => {
    const res = await patch('/api/v1/beheer/programmas/sterk-voor-noord', {
      gebieden: [{ gebiedscode: 'BU00000000', rol: 'focus' }],
    }).expect(400);
    assert.ok(reasonsByName(res)['gebieden.0.gebiedscode']);
  });

  it('lists the audit log filtered and paged, newest first', async () => {
    const res = await request(t.app)
      .get('/api/v1/beheer/audit?entiteit=streefwaarde&paginaGrootte=2')
      .set('Cookie', editor.cookie)
      .expect(200);
    assert.equal(res.body.regels.length, 2);
    assert.ok(res.body.regels.every((r: { entiteit: string }) => r.entiteit === 'streefwaarde'));
    assert.ok(res.body.regels[0].id > res.body.regels[1].id);
    assert.ok(res.body.paginering.totaal >= 5);
    assert.ok(res.body._links.next);
  });

  it('exports the audit log as CSV for Excel with formulas neutralised', async () => {
    await patch('/api/v1/beheer/programmas/sterk-voor-noord', { naam: '=HYPERLINK("http://x")' }).expect(200);
    const res = await request(t.app)
      .get('/api/v1/beheer/audit/export')
      .set('Cookie', editor.cookie)
      .buffer(true)
      .expect(200);
    assert.match(res.headers['content-type'] ?? '', /text\/csv/);
    assert.match(res.headers['content-disposition'] ?? '', /attachment/);
    const text = res.text;
    assert.ok(text.startsWith('\uFEFFid;tijdstip;gebruiker;actie'));
    assert.match(text, /streefwaarde\.verwijderen/);
    assert.equal(/;=HYPERLINK/.test(text), false);
  });
});
