import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { Target } from '../../server/db/Database.ts';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const reasonsByName = (res: request.Response): Record<string, string> =>
  Object.fromEntries(
    (res.body.invalidParams ?? []).map((p: { name: string; reason: string }) => [p.name, p.reason]),
  );

describe('beheer: a target records the council decision it rests on (issue 11 item 7)', () => {
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

  const patch = (path: string, body: object) =>
    request(t.app).patch(path).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).send(body);
  const target = () => `/api/v1/beheer/streefwaarden/${seeded.id}`;

  it('refuses a change of what the target demands without the decision, naming both fields', async () => {
    const res = await patch(target(), { streefwaarde: 12 }).expect(400);
    const reasons = reasonsByName(res);
    assert.match(reasons.besluitKenmerk ?? '', /raadsbesluit/);
    assert.ok(reasons.besluitDatum);
    const stored = await t.db
      .selectFrom('targets')
      .select('target_value')
      .where('id', '=', seeded.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.target_value, 13.5);
  });

  it('refuses a decision without its date, and a date that is not one', async () => {
    const res = await patch(target(), { streefwaarde: 12, besluitKenmerk: 'Raadsbesluit 2023/114' }).expect(
      400,
    );
    assert.ok(reasonsByName(res).besluitDatum);
    const bad = await patch(target(), {
      streefwaarde: 12,
      besluitKenmerk: 'Raadsbesluit 2023/114',
      besluitDatum: '12-06-2023',
    }).expect(400);
    assert.match(reasonsByName(bad).besluitDatum ?? '', /2023-06-12/);
  });

  it('stores the change with its decision, in the target and in its history', async () => {
    const res = await patch(target(), {
      streefwaarde: 12,
      besluitKenmerk: 'Raadsbesluit 2023/114',
      besluitDatum: '2023-06-12',
    }).expect(200);
    assert.equal(res.body.besluitKenmerk, 'Raadsbesluit 2023/114');
    assert.equal(res.body.besluitDatum, '2023-06-12');
    const history = await request(t.app).get(`${target()}/historie`).set('Cookie', editor.cookie).expect(200);
    const [latest] = history.body.historie;
    assert.equal(latest.actie, 'wijzigen');
    assert.equal(latest.gebruiker, 'redactie');
    assert.equal(latest.besluitKenmerk, 'Raadsbesluit 2023/114');
    assert.equal(latest.besluitDatum, '2023-06-12');
    assert.equal(latest.voor.streefwaarde, 13.5);
    assert.equal(latest.na.streefwaarde, 12);
  });

  it('lets a text be corrected without a decision, keeping the last decision', async () => {
    const res = await patch(target(), { toelichting: 'Tikfout hersteld' }).expect(200);
    assert.equal(res.body.besluitKenmerk, 'Raadsbesluit 2023/114');
    // The same number again is no change of demand either.
    await patch(target(), { streefwaarde: 12 }).expect(200);
  });

  it('a later change needs its own decision', async () => {
    await patch(target(), { streefwaarde: 11 }).expect(400);
    await patch(target(), {
      streefwaarde: 11,
      besluitKenmerk: 'Raadsbesluit 2024/020',
      besluitDatum: '2024-02-01',
    }).expect(200);
    const history = await request(t.app).get(`${target()}/historie`).set('Cookie', editor.cookie).expect(200);
    assert.deepEqual(
      history.body.historie.map((v: { besluitKenmerk: string | null }) => v.besluitKenmerk),
      ['Raadsbesluit 2024/020', 'Raadsbesluit 2023/114', 'Raadsbesluit 2023/114', 'Raadsbesluit 2023/114'],
    );
  });

  it('shows the decision publicly with the target, never the person', async () => {
    const res = await request(t.app).get('/api/v1/programmas/sterk-voor-noord').expect(200);
    const shown = res.body.streefwaarden.find((s: { id: number }) => s.id === seeded.id);
    assert.equal(shown.besluitKenmerk, 'Raadsbesluit 2024/020');
    assert.equal(shown.besluitDatum, '2024-02-01');
    assert.equal(JSON.stringify(res.body).includes('redactie'), false);
  });

  it('answers 404 for the history of a target that never existed', async () => {
    await request(t.app)
      .get('/api/v1/beheer/streefwaarden/99999/historie')
      .set('Cookie', editor.cookie)
      .expect(404);
  });
});

describe('beheer: the related series of a result row (issue 8 item 6)', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await t.db
      .insertInto('indicators')
      .values({
        id: 'elan_bijstand_pct',
        name: 'Inwoners met bijstand (ELAN)',
        unit: '%',
        polarity: 'lager_is_beter',
        decimals: 1,
      })
      .execute();
    await t.db
      .insertInto('programme_indicators')
      .values({
        programme_id: 'sterk-voor-noord',
        indicator_id: 'bijstand_huishoudens_pct',
        role: 'resultaat',
        level: 'buurt',
        label: 'Bijstand',
      })
      .execute();
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const row = '/api/v1/beheer/programmas/sterk-voor-noord/rijen/bijstand_huishoudens_pct';
  const patch = (path: string, body: object) =>
    request(t.app).patch(path).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).send(body);

  it('sets the link, shows it in the programme and writes the audit log', async () => {
    const res = await patch(row, { verwanteIndicatorId: 'elan_bijstand_pct' }).expect(200);
    assert.equal(res.body.verwanteIndicatorId, 'elan_bijstand_pct');
    const programme = await request(t.app)
      .get('/api/v1/beheer/programmas/sterk-voor-noord')
      .set('Cookie', editor.cookie)
      .expect(200);
    assert.deepEqual(programme.body.rijen, [
      {
        indicatorId: 'bijstand_huishoudens_pct',
        rol: 'resultaat',
        label: 'Bijstand',
        verwanteIndicatorId: 'elan_bijstand_pct',
      },
    ]);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'programmarij.wijzigen')
      .executeTakeFirstOrThrow();
    assert.equal((entry.before as { verwanteIndicatorId: string | null }).verwanteIndicatorId, null);
    assert.equal((entry.after as { verwanteIndicatorId: string }).verwanteIndicatorId, 'elan_bijstand_pct');
    assert.equal(entry.actor, 'redactie');
  });

  it('removes the link with null', async () => {
    await patch(row, { verwanteIndicatorId: null }).expect(200);
    const stored = await t.db
      .selectFrom('programme_indicators')
      .select('related_indicator_id')
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .executeTakeFirstOrThrow();
    assert.equal(stored.related_indicator_id, null);
  });

  it('refuses an unknown indicator, the row itself, and a row the programme does not have', async () => {
    const unknown = await patch(row, { verwanteIndicatorId: 'bestaat_niet' }).expect(400);
    assert.match(reasonsByName(unknown).verwanteIndicatorId ?? '', /bestaat_niet/);
    await patch(row, { verwanteIndicatorId: 'bijstand_huishoudens_pct' }).expect(400);
    await patch('/api/v1/beheer/programmas/sterk-voor-noord/rijen/elan_bijstand_pct', {
      verwanteIndicatorId: null,
    }).expect(404);
  });

  it('is refused without the CSRF token', async () => {
    await request(t.app)
      .patch(row)
      .set('Cookie', editor.cookie)
      .send({ verwanteIndicatorId: null })
      .expect(403);
  });
});
