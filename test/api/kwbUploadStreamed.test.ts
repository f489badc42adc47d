/**
 * D11 (docs/decisions/0106): a KWB CSV upload is received into a temporary file and parsed from it
 * in chunks. The preview must say exactly what the in-memory path (importFile over the bytes, as
 * the CLI reads a file) says: counts, errors, warnings and the changed rows, old → new.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import { importFile } from '../../server/imports/importFile.ts';
import { reportView } from '../../server/imports/importsAdminRoutes.ts';
import { addUser, type LoggedIn, login } from '../fixtures/beheer/beheerTestSupport.ts';
import { fixtureBytes } from '../imports/importTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const proef = new TextDecoder().decode(fixtureBytes('kwb2024_proef.csv'));
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const uploadFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('buurtpeil-upload-'));

describe('KWB upload: the streamed preview equals the in-memory one', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await upsertIndicatorCatalogue(t.db);
    for (const vintage of [2017, 2022]) {
      const bytes = fixtureBytes('buurten_2022_proef_rd.geojson');
      const input = { kind: 'grenzen' as const, fileName: 'buurten_proef_rd.geojson', bytes, actor: 'test' };
      assert.equal((await importFile(t.db, { ...input, vintage }, { dryRun: false })).ok, true);
    }
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const upload = (fileName: string, bytes: Uint8Array, modus: 'voorbeeld' | 'vastleggen') =>
    request(t.app)
      .post(`/api/v1/beheer/imports?soort=kwb&modus=${modus}&bestandsnaam=${encodeURIComponent(fileName)}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(bytes));

  /** Previews through the API and through importFile; asserts they agree and returns the view. */
  const previewBoth = async (fileName: string, bytes: Uint8Array) => {
    const res = await upload(fileName, bytes, 'voorbeeld');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const inMemory = await importFile(
      t.db,
      { kind: 'kwb', fileName, bytes, actor: 'redactie' },
      { dryRun: true },
    );
    assert.deepEqual(res.body, reportView(inMemory), fileName);
    return res.body as ReturnType<typeof reportView>;
  };

  it('previews and commits the proef file: all new, file size and hash recorded', async () => {
    const bytes = fixtureBytes('kwb2024_proef.csv');
    const preview = await previewBoth('kwb2024_proef.csv', bytes);
    assert.equal(preview.geldig, true);
    assert.ok(preview.nieuw > 10 && preview.nieuw === preview.regelsTotaal, JSON.stringify(preview));
    const res = await upload('kwb2024_proef.csv', bytes, 'vastleggen');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.nieuw, preview.nieuw);
    const record = await t.db
      .selectFrom('imports')
      .select(['file_size', 'file_hash', 'rows_new'])
      .where('id', '=', res.body.importId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(record.file_size), bytes.byteLength);
    const direct = await importFile(
      t.db,
      { kind: 'kwb', fileName: 'x.csv', bytes, actor: 'test', year: 2024 },
      { dryRun: true },
    );
    assert.equal(record.file_hash, direct.fileHash);
    assert.equal(record.rows_new, preview.nieuw);
  });

  it('the same file again: all unchanged', async () => {
    const preview = await previewBoth('kwb2024_proef.csv', fixtureBytes('kwb2024_proef.csv'));
    assert.equal(preview.ongewijzigd, preview.regelsTotaal);
  });

  it('a corrected value with CRLF line endings and an ë: the change old → new', async () => {
    const corrected = proef
      .replace(';12345;', ';12350;')
      .replace('Noordhoek', 'Noordhoëk')
      .replace(/\n/g, '\r\n');
    const preview = await previewBoth('kwb2024_proef_v2.csv', utf8(corrected));
    assert.equal(preview.gecorrigeerd, 1);
    assert.deepEqual(
      preview.wijzigingen.map((c) => [c.gebied, c.indicator, c.oud.waarde, c.nieuw.waarde]),
      [['GM9999', 'inwoners', 12345, 12350]],
    );
  });

  it('rows with errors and rows of gemeenten without boundaries: the same errors and warnings', async () => {
    const lines = [
      'Codering_3;WijkenEnBuurten;AantalInwoners_5;HuishoudensTotaal_29',
      'GM9999;Proefdorp;12345;twaalf',
      'WK999901;Westwijk;4000;1800',
      'WK999901;Westwijk;4000;1800',
      'GM0001;Elders;500;200',
      'BU00010000;Elders;20;10',
      'XX12;Geen code;1;1',
    ];
    const preview = await previewBoth('kwb2024_fout.csv', utf8(`${lines.join('\n')}\n`));
    assert.equal(preview.geldig, false);
    // The unknown code inside a loaded gemeente is only checked when the rows themselves are good.
    assert.equal(preview.foutenTotaal, 3, JSON.stringify(preview.fouten));
    assert.equal(preview.waarschuwingenTotaal, 0);
    const unknown = await previewBoth(
      'kwb2024_onbekend.csv',
      utf8(`${[lines[0], 'BU99990999;Onbekend;5;1', lines[4], lines[5]].join('\n')}\n`),
    );
    assert.equal(unknown.foutenTotaal, 1, JSON.stringify(unknown.fouten));
    assert.match(unknown.fouten[0]?.melding ?? '', /Onbekende gebiedscode 'BU99990999'/);
    const elsewhere = await previewBoth(
      'kwb2024_elders.csv',
      utf8(`${[lines[0], lines[4], lines[5]].join('\n')}\n`),
    );
    assert.equal(elsewhere.waarschuwingenTotaal, 1);
  });

  it('refused files: Latin-1 (with the line), empty, blank, no year, tab-separated, a broken quote', async () => {
    const latin1 = Buffer.from(
      'Codering_3;WijkenEnBuurten;AantalInwoners_5\nGM9999;Proefdorp;1\nBU99990100;Noordhoëk;2\n',
      'latin1',
    );
    assert.deepEqual(
      (await previewBoth('kwb2024_latin1.csv', latin1)).fouten.map((e) => e.regel),
      [3],
    );
    for (const [fileName, text] of [
      ['kwb2024_leeg.csv', ''],
      ['kwb2024_blank.csv', '\uFEFF\n\n  \n'],
      ['kerncijfers.csv', 'Codering_3;AantalInwoners_5\nGM9999;1\n'],
      ['kwb2024_tab.csv', 'Codering_3\tAantalInwoners_5\nGM9999\t1\n'],
      ['kwb2024_quote.csv', 'Codering_3;AantalInwoners_5\nGM9999;"1\n'],
    ] as const) {
      const preview = await previewBoth(fileName, utf8(text));
      assert.equal(preview.geldig, false, fileName);
    }
  });

  it('a body over 50 MB without Content-Length: 413 while it streams, and the partial file is removed', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/beheer/imports?soort=kwb&modus=voorbeeld&bestandsnaam=kwb2024_groot.csv',
            headers: { Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf, 'Transfer-Encoding': 'chunked' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        const megabyte = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const more = () => {
          while (sent < 51) {
            sent++;
            if (!req.write(megabyte)) return void req.once('drain', more);
          }
          req.end();
        };
        more();
      });
      assert.equal(status, 413);
      assert.deepEqual(uploadFolders(), []);
    } finally {
      server.close();
    }
  });

  it('a JSON file (read whole, as before) and no temporary files left behind', async () => {
    const preview = await previewBoth('kwb2017_proef.json', fixtureBytes('kwb2017_proef.json'));
    assert.equal(preview.geldig, true);
    assert.deepEqual(uploadFolders(), []);
  });
});
