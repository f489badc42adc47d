import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'beheer', name));

// Each bad file of the foundation issue, with the problem the preview must name.
const BAD_FILES: Array<{ file: string; line: number; message: RegExp }> = [
  { file: 'scheidingsteken_tab.csv', line: 1, message: /scheidingsteken/ },
  { file: 'latin1.csv', line: 3, message: /UTF-8/ },
  { file: 'kolom_ontbreekt.csv', line: 1, message: /kolom 'waarde' ontbreekt/ },
  { file: 'onbekend_gebied.csv', line: 2, message: /Onbekende gebiedscode 'BU19169999'/ },
  { file: 'geen_getal.csv', line: 2, message: /'zestien' is geen getal/ },
  { file: 'dubbele_regels.csv', line: 3, message: /Dubbele regel/ },
  { file: 'leeg.csv', line: 0, message: /leeg/ },
];

describe('beheer: uploads', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const upload = (
    file: string,
    modus: 'voorbeeld' | 'vastleggen',
    bytes: Buffer = fixture(file),
    soort = 'gemeentecijfers',
  ) =>
    request(t.app)
      .post(`/api/v1/beheer/imports?soort=${soort}&modus=${modus}&bestandsnaam=${encodeURIComponent(file)}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);

  const counts = async () => ({
    observations: Number(
      (
        await t.db
          .selectFrom('observations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    imports: Number(
      (
        await t.db
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  for (const bad of BAD_FILES) {
    it(`${bad.file}: the preview names the bad row in Dutch and a commit writes nothing`, async () => {
      const preview = await upload(bad.file, 'voorbeeld').expect(200);
      assert.equal(preview.body.geldig, false);
      const error = preview.body.fouten.find((f: { regel: number; melding: string }) =>
        bad.message.test(f.melding),
      );
      assert.ok(error, `expected ${bad.message} in ${JSON.stringify(preview.body.fouten)}`);
      assert.equal(error.regel, bad.line);

      const commit = await upload(bad.file, 'vastleggen');
      assert.equal(commit.status, 422);
      assert.match(commit.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.match(commit.body.detail, /niets opgeslagen/);
      assert.ok(commit.body.rapport.fouten.length > 0);
      assert.deepEqual(await counts(), { observations: 0, imports: 0 });
    });
  }

  it('lists every bad row of a file with several errors: regel, kolom, melding', async () => {
    const res = await upload('cijfers_met_fouten.csv', 'voorbeeld').expect(200);
    assert.deepEqual(
      res.body.fouten.map((f: { regel: number; kolom?: string }) => [f.regel, f.kolom ?? null]),
      [
        [3, 'gebiedscode'],
        [4, 'waarde'],
        [6, null],
      ],
    );
  });

  it('refuses a file over 50 MB with 413 problem+json in Dutch, writing nothing', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
    const res = await upload('groot.csv', 'vastleggen', big);
    assert.equal(res.status, 413);
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.match(res.body.detail, /groter dan 50 MB/);
    assert.deepEqual(await counts(), { observations: 0, imports: 0 });
  });

  it('refuses a file whose extension does not fit the kind (415)', async () => {
    const res = await upload('cijfers.xlsx', 'voorbeeld', fixture('cijfers_goed.csv'));
    assert.equal(res.status, 415);
    assert.match(res.body.detail, /\.csv of \.txt/);
  });

  it('refuses a binary file dressed up as CSV (content sniff)', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    const res = await upload('cijfers.csv', 'voorbeeld', zip);
    assert.equal(res.status, 415);
    assert.match(res.body.detail, /zip- of Excel-bestand/);
  });

  it('refuses JSON sent as boundaries when it is not JSON', async () => {
    const res = await upload('grenzen.geojson', 'voorbeeld', fixture('cijfers_goed.csv'), 'grenzen');
    assert.equal(res.status, 415);
  });

  it('names every invalid upload parameter', async () => {
    const res = await request(t.app)
      .post('/api/v1/beheer/imports?soort=excel&modus=nu')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send(Buffer.from('x'));
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.invalidParams.map((p: { name: string }) => p.name).sort(), [
      'bestandsnaam',
      'modus',
      'soort',
    ]);
  });

  it('previews a good file without writing it, with what would be new', async () => {
    const res = await upload('cijfers_goed.csv', 'voorbeeld').expect(200);
    assert.equal(res.body.geldig, true);
    assert.equal(res.body.nieuw, 3);
    assert.deepEqual(await counts(), { observations: 0, imports: 0 });
  });

  let firstImportId: number;
  it('commits a good file: all rows, with a summary of new, corrected and unchanged', async () => {
    const res = await upload('cijfers_goed.csv', 'vastleggen').expect(201);
    assert.deepEqual([res.body.nieuw, res.body.gecorrigeerd, res.body.ongewijzigd], [3, 0, 0]);
    firstImportId = res.body.importId;
    assert.equal(res.headers.location, `/api/v1/beheer/imports/${firstImportId}`);
    assert.equal((await counts()).observations, 3);
  });

  it('the same file again changes nothing', async () => {
    const res = await upload('cijfers_goed.csv', 'vastleggen').expect(201);
    assert.deepEqual([res.body.nieuw, res.body.gecorrigeerd, res.body.ongewijzigd], [0, 0, 3]);
  });

  let correctionId: number;
  it('a changed value is a correction', async () => {
    const res = await upload('cijfers_gecorrigeerd.csv', 'vastleggen').expect(201);
    assert.deepEqual([res.body.nieuw, res.body.gecorrigeerd, res.body.ongewijzigd], [0, 1, 2]);
    correctionId = res.body.importId;
  });

  it('lists the imports newest first and shows one with its report', async () => {
    const list = await request(t.app).get('/api/v1/beheer/imports').set('Cookie', editor.cookie).expect(200);
    assert.equal(list.body.imports[0].id, correctionId);
    assert.equal(list.body.imports[0].door, 'redactie');
    const one = await request(t.app)
      .get(`/api/v1/beheer/imports/${firstImportId}`)
      .set('Cookie', editor.cookie)
      .expect(200);
    assert.equal(one.body.bestandsnaam, 'cijfers_goed.csv');
    assert.equal(one.body.status, 'gelukt');
  });

  it('refuses to roll back an import whose values a later import corrected (409)', async () => {
    const res = await request(t.app)
      .post(`/api/v1/beheer/imports/${firstImportId}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf);
    assert.equal(res.status, 409);
    assert.match(res.body.detail, /Draai eerst die terug/);
  });

  it('rolls back the correction: the earlier value is back and the import is marked', async () => {
    const res = await request(t.app)
      .post(`/api/v1/beheer/imports/${correctionId}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .expect(200);
    assert.equal(res.body.status, 'teruggedraaid');
    const value = await t.db
      .selectFrom('observations')
      .select('value')
      .where('area_code', '=', 'BU19160200')
      .executeTakeFirstOrThrow();
    assert.equal(value.value, 16.2);
  });

  it('rolls back the first import: its observations are gone, and twice is refused', async () => {
    await request(t.app)
      .post(`/api/v1/beheer/imports/${firstImportId}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .expect(200);
    assert.equal((await counts()).observations, 0);
    await request(t.app)
      .post(`/api/v1/beheer/imports/${firstImportId}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .expect(409);
  });

  it('refuses to roll back an import that is not an upload (the programme definition)', async () => {
    const programme = await t.db
      .insertInto('imports')
      .values({
        kind: 'programma',
        file_name: 'sterk-voor-noord.json',
        file_hash: 'x',
        actor: 'opstart',
        user_id: null,
        status: 'gelukt',
        report: JSON.stringify({}) as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await request(t.app)
      .post(`/api/v1/beheer/imports/${programme.id}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf);
    assert.equal(res.status, 409);
    assert.match(res.body.detail, /geen upload/);
  });

  it('has every commit and rollback in the audit log', async () => {
    const res = await request(t.app)
      .get('/api/v1/beheer/audit?entiteit=imports')
      .set('Cookie', editor.cookie)
      .expect(200);
    const actions = res.body.regels.map((r: { actie: string }) => r.actie).sort();
    assert.deepEqual(actions, [
      'import.commit',
      'import.commit',
      'import.commit',
      'import.rollback',
      'import.rollback',
    ]);
  });
});
