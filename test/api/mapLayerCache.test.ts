// The pre-serialised map layers (decision 0107) are served from a cache keyed by the data
// generation; every write that can change a layer raises it. Each case writes through the real path
// (upload, rollback, beheer PATCH, withheld refresh) and checks that the cached layer follows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { createDatabase, type Db } from '../../server/db/createDatabase.ts';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import {
  loadProgrammeDefinition,
  readProgrammeDefinitions,
} from '../../server/imports/programme/programmeDefinition.ts';
import { reloadChangedProgrammeDefinition } from '../../server/imports/programme/programmeDefinitionReload.ts';
import { refreshWithheldOnStart } from '../../server/imports/refreshWithheldOnStart.ts';
import { createLogger } from '../../server/logger.ts';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const HEADER = 'gebiedscode;indicator;periode;waarde;teller;noemer;flags';
const FIGURES = [HEADER, 'BU19160200;bijstand_huishoudens_pct;2022;16,2;380;2346;'].join('\n');
const CORRECTED = [HEADER, 'BU19160200;bijstand_huishoudens_pct;2022;15,8;370;2346;'].join('\n');
// Wijk 1237 = 1234 + 3: BU19160201's 1234 must be withheld, or it gives the suppressed 3 away.
const DIFFERENCING = [
  HEADER,
  'WK191602;bijstand_huishoudens;2022;1237;;;',
  'BU19160201;bijstand_huishoudens;2022;1234;;;',
  'BU19160200;bijstand_huishoudens;2022;3;;;',
].join('\n');

const LAYER = '/api/v1/kaartlagen/bijstand_huishoudens_pct?gemeente=GM1916&periode=2022&vorm=kolommen';

interface Columns {
  kolommen: {
    codes: string[];
    waarden: (number | null)[];
    streefwaarden: (number | null)[];
    geheim: (string | null)[];
  };
}

/** One column of one area in a layer answer. */
function cell(body: Columns, column: keyof Columns['kolommen'], code: string) {
  const index = body.kolommen.codes.indexOf(code);
  assert.ok(index >= 0, `${code} in de kaartlaag`);
  return body.kolommen[column][index];
}

describe('cached map layers follow every write (data generation)', () => {
  let t: TestApp;
  let editor: LoggedIn;
  let targetId: number;
  before(async () => {
    t = await createTestApp();
    targetId = (await seedProgramme(t.db)).id;
    await t.db
      .insertInto('areas')
      .values({
        code: 'BU19160201',
        vintage: 2022,
        level: 'buurt',
        name: 'Prinsenhof laag',
        parent_code: 'WK191602',
        gemeente_code: 'GM1916',
        geometry: null,
        bbox: null,
        source: 'test',
        import_id: null,
      })
      .execute();
    await upsertIndicatorCatalogue(t.db);
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const upload = async (csv: string) =>
    (
      await request(t.app)
        .post('/api/v1/beheer/imports?soort=gemeentecijfers&modus=vastleggen&bestandsnaam=cijfers.csv')
        .set('Cookie', editor.cookie)
        .set('X-CSRF-Token', editor.csrf)
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.from(csv))
        .expect(201)
    ).body.importId as number;
  const layer = async (app: Express = t.app, url = LAYER) =>
    (await request(app).get(url).expect(200)).body as Columns;

  let correctionId: number;
  it('an upload correction: the cached layer shows the corrected value', async () => {
    await upload(FIGURES);
    assert.equal(cell(await layer(), 'waarden', 'BU19160200'), 16.2);
    assert.equal(cell(await layer(), 'waarden', 'BU19160200'), 16.2, 'served again (from the cache)');
    correctionId = await upload(CORRECTED);
    assert.equal(cell(await layer(), 'waarden', 'BU19160200'), 15.8);
  });

  it('a rollback: the cached layer shows the value from before the correction', async () => {
    // Another horizon is another cache entry: built now, with the corrected value.
    const otherKey = LAYER.replace('&vorm=kolommen', '&vorm=kolommen&horizon=10');
    assert.equal(cell(await layer(t.app, otherKey), 'waarden', 'BU19160200'), 15.8);
    await request(t.app)
      .post(`/api/v1/beheer/imports/${correctionId}/terugdraaien`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .expect(200);
    assert.equal(cell(await layer(t.app, otherKey), 'waarden', 'BU19160200'), 16.2);
  });

  it('a target edit through the beheer PATCH: the cached layer shows the new target', async () => {
    assert.equal(cell(await layer(), 'streefwaarden', 'BU19160200'), 13.5);
    await request(t.app)
      .patch(`/api/v1/beheer/streefwaarden/${targetId}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send({ streefwaarde: 12, besluitKenmerk: 'Raadsbesluit 2026/1', besluitDatum: '2026-11-30' })
      .expect(200);
    assert.equal(cell(await layer(), 'streefwaarden', 'BU19160200'), 12);
  });

  it('a withheld refresh: the cached layer withholds the figure that gives a suppressed one away', async () => {
    await upload(DIFFERENCING);
    // Flags computed with an older rule (or tampered): start-up refreshes them.
    await t.db
      .updateTable('observations')
      .set({ withheld: false })
      .where('area_code', '=', 'BU19160201')
      .execute();
    await t.db.deleteFrom('disclosure_state').execute();
    const url = '/api/v1/kaartlagen/bijstand_huishoudens?gemeente=GM1916&periode=2022&vorm=kolommen';
    assert.equal(cell(await layer(t.app, url), 'geheim', 'BU19160201'), null);
    assert.ok(await refreshWithheldOnStart(t.db));
    const refreshed = await layer(t.app, url);
    assert.notEqual(cell(refreshed, 'geheim', 'BU19160201'), null);
    assert.equal(cell(refreshed, 'waarden', 'BU19160201'), null);
  });

  it('answers 304 to its ETag until a write, then 200 with a new ETag', async () => {
    const first = await request(t.app).get(LAYER).expect(200);
    const etag = first.headers.etag!;
    await request(t.app).get(LAYER).set('If-None-Match', etag).expect(304);
    await upload(CORRECTED);
    const after = await request(t.app).get(LAYER).set('If-None-Match', etag).expect(200);
    assert.notEqual(after.headers.etag, etag);
    assert.equal(cell(after.body, 'waarden', 'BU19160200'), 15.8);
  });

  it('sends the stored bytes in the encoding asked for, each the same layer', async () => {
    const plain = await request(t.app).get(LAYER).set('Accept-Encoding', 'identity').expect(200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const gzipped = await request(t.app).get(LAYER).set('Accept-Encoding', 'gzip').expect(200);
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    const brotli = await request(t.app).get(LAYER).set('Accept-Encoding', 'br').expect(200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.deepEqual(gzipped.body, plain.body);
    assert.deepEqual(brotli.body, plain.body);
    assert.match(plain.headers['content-type'] ?? '', /application\/json/);
    assert.match(plain.headers.vary ?? '', /Accept-Encoding/);
  });

  it('a database restored from a backup (an older generation) is not served from the cache', async () => {
    const backup = await t.db.selectFrom('data_generation').selectAll().executeTakeFirstOrThrow();
    const before = cell(await layer(), 'waarden', 'BU19160200') as number;
    await upload(before === 16.2 ? CORRECTED : FIGURES);
    const corrected = cell(await layer(), 'waarden', 'BU19160200');
    assert.notEqual(corrected, before);
    // The restore: the figure and the generation row as they were when the backup was made.
    await t.db
      .updateTable('observations')
      .set({ value: before })
      .where('area_code', '=', 'BU19160200')
      .execute();
    await t.db
      .updateTable('data_generation')
      .set({ generation: backup.generation, changed_at: backup.changed_at })
      .execute();
    assert.equal(cell(await layer(), 'waarden', 'BU19160200'), before);
    // The next write counts up to the number the cache last saw, with other data behind it.
    await request(t.app)
      .patch(`/api/v1/beheer/streefwaarden/${targetId}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send({ streefwaarde: 10, besluitKenmerk: 'Raadsbesluit 2026/3', besluitDatum: '2026-12-01' })
      .expect(200);
    assert.equal(cell(await layer(), 'waarden', 'BU19160200'), before);
  });

  it('two app instances on one database see each other’s writes', async () => {
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const otherDb: Db = t.databaseUrl ? createDatabase({ databaseUrl: t.databaseUrl }) : t.db;
    const config = { ...readConfig({ LOG_LEVEL: 'silent' }), databaseUrl: t.databaseUrl };
    const other = createApp({ db: otherDb, config, logger: createLogger('silent') });
    try {
      const before = cell(await layer(other), 'streefwaarden', 'BU19160200');
      await request(t.app)
        .patch(`/api/v1/beheer/streefwaarden/${targetId}`)
        .set('Cookie', editor.cookie)
        .set('X-CSRF-Token', editor.csrf)
        .send({ streefwaarde: 11, besluitKenmerk: 'Raadsbesluit 2026/2', besluitDatum: '2026-12-01' })
        .expect(200);
      assert.notEqual(before, 11);
      assert.equal(cell(await layer(other), 'streefwaarden', 'BU19160200'), 11);
      await upload(FIGURES);
      assert.equal(cell(await layer(other), 'waarden', 'BU19160200'), 16.2);
    } finally {
      if (otherDb !== t.db) await otherDb.destroy();
    }
  });
});

describe('a cached map layer follows a reloaded programme definition', () => {
  let t: TestApp;
  after(() => t.destroy());

  it('shows the target of the reloaded file', async () => {
    t = await createTestApp();
    await upsertIndicatorCatalogue(t.db);
    const current = readProgrammeDefinitions().find((file) => file.definition.id === 'sterk-voor-noord')!;
    const definition = structuredClone(current.definition);
    const target = definition.targets.find((x) => x.indicatorId === 'bijstand_huishoudens_pct')!;
    const original = target.targetValue;
    target.targetValue = 99;
    await loadProgrammeDefinition(
      t.db,
      { fileName: current.fileName, bytes: Buffer.from(JSON.stringify(definition)), definition },
      'opstart',
    );
    const streefwaarde = async () =>
      cell((await request(t.app).get(LAYER).expect(200)).body, 'streefwaarden', target.areaCode);
    assert.equal(await streefwaarde(), 99);
    const result = await reloadChangedProgrammeDefinition(t.db, current, 'opstart');
    assert.equal(result.status, 'opnieuw geladen');
    assert.equal(await streefwaarde(), original);
  });
});
