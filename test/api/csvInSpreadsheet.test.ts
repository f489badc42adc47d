import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { FIXTURE, loadFixtures } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// Opens the Excel-dialect export in LibreOffice Calc (headless) with Dutch settings and reads back
// which cells became numbers. Skipped where LibreOffice is not installed
// (Debian: apt-get install libreoffice-calc-nogui).
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((file) => existsSync(file));

/**
 * The CSV as Calc reads it with the options a Dutch user gets: separator `;`, text in `"`, UTF-8
 * (the BOM), and the number locale nl-NL (1043). Returns each cell as [type, value] per row.
 */
function openInCalc(csv: Buffer): Array<Array<[string, string]>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'buurtpeil-calc-'));
  try {
    const input = path.join(dir, 'export.csv');
    writeFileSync(input, csv);
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--infilter=CSV:59,34,76,1,,1043',
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        input,
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
        env: { ...process.env, LANG: 'nl_NL.UTF-8', LC_ALL: 'nl_NL.UTF-8' },
      },
    );
    const xml = readFileSync(path.join(dir, 'export.fods'), 'utf8');
    return [...xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
      [...row[1]!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].flatMap(
        (cell) => {
          const attributes = cell[1] ?? '';
          const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
          const type = /office:value-type="(\w+)"/.exec(attributes)?.[1] ?? 'empty';
          const value =
            /office:value="([^"]*)"/.exec(attributes)?.[1] ??
            (cell[2] ?? '')
              .replace(/<[^>]+>/g, '')
              .replace(/&apos;/g, "'")
              .replace(/&quot;/g, '"')
              .trim();
          return Array.from({ length: Math.min(repeat, 64) }, () => [type, value] as [string, string]);
        },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Excel-dialect CSV opened in LibreOffice Calc with Dutch settings', {
  skip: !soffice && 'LibreOffice is not installed',
}, () => {
  let t: TestApp;
  let header: string[];
  let rows: Array<Array<[string, string]>>;
  before(async () => {
    t = await createTestApp();
    await loadFixtures(t.db);
    await t.db.updateTable('areas').set({ name: '=1+1' }).where('code', '=', 'BU19160201').execute();
    const res = await request(t.app)
      .get('/api/v1/exports/waarnemingen.csv?dialect=excel&gemeente=GM1916')
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const sheet = openInCalc(res.body as Buffer);
    header = sheet[0]!.map(([, value]) => value);
    rows = sheet.slice(1).filter((row) => row.some(([type]) => type !== 'empty'));
  });
  after(() => t?.destroy());

  const cell = (code: string, indicator: string, period: string, column: string) => {
    const at = (name: string) => header.indexOf(name);
    const row = rows.find(
      (r) =>
        r[at('gebiedscode')]?.[1] === code &&
        r[at('indicator')]?.[1] === indicator &&
        r[at('periode')]?.[1] === period,
    );
    assert.ok(row, `no row ${code} ${indicator} ${period}`);
    return row[at(column)]!;
  };

  it('reads the header as the column names, without a stray BOM', () => {
    assert.equal(header[0], 'gebiedscode');
  });

  it('reads values with a decimal comma as numbers', () => {
    assert.deepEqual(cell('BU19160200', FIXTURE.bijstand, '2022', 'waarde'), ['float', '16.2']);
    assert.deepEqual(cell('BU19160200', FIXTURE.bijstand, '2022', 'teller'), ['float', '370']);
  });

  it('reads negative values as negative numbers', () => {
    assert.deepEqual(cell('BU19160200', FIXTURE.groei, '2022', 'waarde'), ['float', '-1.25']);
  });

  it('shows a formula in a name as text, not as its result', () => {
    const [type, value] = cell('BU19160201', FIXTURE.inwoners, '2022', 'gebiedsnaam');
    assert.equal(type, 'string');
    assert.match(value, /=1\+1/);
  });

  it('leaves a suppressed value empty', () => {
    assert.equal(cell(FIXTURE.suppressedArea, FIXTURE.bijstand, '2020', 'waarde')[0], 'empty');
  });
});
