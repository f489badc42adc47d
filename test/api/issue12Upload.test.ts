// Issue 12 item 2: an upload refuses what cannot be true, warns about what looks wrong, shows the
// rows it would change (old → new), and offers a template filled with the programme's indicators.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const HEADER = 'gebiedscode;indicator;periode;waarde;teller;noemer;flags';
const csv = (...lines: string[]) => Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);

describe('upload plausibility', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await t.db
      .insertInto('indicators')
      .values([
        { id: 'inwoners', name: 'Inwoners', unit: 'aantal', polarity: 'neutraal', decimals: 0 },
        {
          id: 'meedoen_pct',
          name: 'Meedoen',
          unit: '%',
          polarity: 'hoger_is_beter',
          decimals: 0,
          value_rounding: 1,
        },
      ])
      .execute();
    await t.db
      .insertInto('programme_indicators')
      .values([
        {
          programme_id: 'sterk-voor-noord',
          indicator_id: 'bijstand_huishoudens_pct',
          role: 'resultaat',
          level: 'buurt',
          sort_order: 0,
        },
        {
          programme_id: 'sterk-voor-noord',
          indicator_id: 'meedoen_pct',
          role: 'monitoring',
          level: 'buurt',
          sort_order: 1,
        },
      ])
      .execute();
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const upload = (bytes: Buffer, modus: 'voorbeeld' | 'vastleggen' = 'voorbeeld') =>
    request(t.app)
      .post(`/api/v1/beheer/imports?soort=gemeentecijfers&modus=${modus}&bestandsnaam=cijfers.csv`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);

  it('refuses a share over 100%, a negative count and a negative teller', async () => {
    const res = await upload(
      csv(
        'BU19160200;bijstand_huishoudens_pct;2022;150;;;',
        'BU19160200;inwoners;2022;-40;;;',
        'BU19160602;bijstand_huishoudens_pct;2022;10;-5;746;',
      ),
    ).expect(200);
    assert.equal(res.body.geldig, false);
    const byLine = (line: number) => res.body.fouten.filter((f: { regel: number }) => f.regel === line);
    assert.match(
      byLine(2)[0]?.melding ?? '',
      /150% kan niet voor Huishoudens met bijstand: de waarde ligt tussen 0 en 100/,
    );
    assert.match(
      byLine(3)[0]?.melding ?? '',
      /−40 \(aantal\) kan niet voor Inwoners: de waarde ligt altijd op of boven 0/,
    );
    assert.match(byLine(4)[0]?.melding ?? '', /teller \(−5\) kan niet negatief zijn/);
    const res2 = await upload(csv('BU19160200;inwoners;2022;-40;;;'), 'vastleggen').expect(422);
    assert.equal(res2.body.rapport.geldig, false);
  });

  it('warns in the preview about a waarde that does not fit teller/noemer and a year in the future', async () => {
    const future = new Date().getFullYear() + 1;
    const res = await upload(
      csv(
        'BU19160200;bijstand_huishoudens_pct;2022;5,0;337;2247;',
        `BU19160602;bijstand_huishoudens_pct;${future};10,0;75;750;`,
      ),
    ).expect(200);
    assert.equal(res.body.geldig, true);
    const messages = res.body.waarschuwingen.map(
      (w: { regel: number; melding: string }) => `${w.regel} ${w.melding}`,
    );
    assert.ok(
      messages.some((m: string) =>
        /^2 De waarde 5,0 past niet bij teller\/noemer 337\/2247 \(15,0%\)/.test(m),
      ),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m: string) => m.startsWith(`3 Periode ${future} ligt in de toekomst`)),
      messages.join('\n'),
    );
  });

  it('lists the rows a file would change with their old and new values', async () => {
    await upload(
      csv(
        'BU19160200;bijstand_huishoudens_pct;2021;16,2;380;2346;',
        'BU19160602;bijstand_huishoudens_pct;2021;20,1;150;746;',
      ),
      'vastleggen',
    ).expect(201);
    const res = await upload(
      csv(
        'BU19160200;bijstand_huishoudens_pct;2021;15,8;370;2346;voorlopig',
        'BU19160602;bijstand_huishoudens_pct;2021;20,1;150;746;',
      ),
    ).expect(200);
    assert.equal(res.body.gecorrigeerd, 1);
    assert.deepEqual(res.body.wijzigingen, [
      {
        regel: 2,
        indicator: 'bijstand_huishoudens_pct',
        gebied: 'BU19160200',
        indeling: 2022,
        periode: '2021',
        oud: { waarde: 16.2, teller: 380, noemer: 2346, vlaggen: [] },
        nieuw: { waarde: 15.8, teller: 370, noemer: 2346, vlaggen: ['voorlopig'] },
      },
    ]);
  });

  it('gives survey shares published as whole numbers the rounding of the indicator, unless the file says otherwise', async () => {
    await upload(
      csv(
        'BU19160200;meedoen_pct;2020;61;;;',
        'BU19160602;meedoen_pct;2020;58;;;waarde-afgerond:5',
        'GM1916;meedoen_pct;2020;63,4;;;',
      ),
      'vastleggen',
    ).expect(201);
    const rows = await t.db
      .selectFrom('observations')
      .select(['area_code', 'value_rounding'])
      .where('indicator_id', '=', 'meedoen_pct')
      .orderBy('area_code')
      .execute();
    assert.deepEqual(
      rows.map((r) => `${r.area_code} ${r.value_rounding}`),
      ['BU19160200 1', 'BU19160602 5', 'GM1916 null'],
    );
  });

  it('offers a template filled with the programme’s indicators and areas, which reads back without warnings about columns', async () => {
    const res = await request(t.app)
      .get('/api/v1/beheer/imports/sjabloon?programma=sterk-voor-noord')
      .set('Cookie', editor.cookie)
      .expect(200);
    assert.match(res.headers['content-type'] ?? '', /text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'gebiedscode;indicator;periode;waarde;teller;noemer;flags;gebiedsnaam;indicatornaam',
    );
    assert.deepEqual(lines.slice(1), [
      'BU19160200;bijstand_huishoudens_pct;;;;;;Prinsenhof hoog;Huishoudens met bijstand',
      'BU19160200;meedoen_pct;;;;;;Prinsenhof hoog;Meedoen',
      'BU19160602;meedoen_pct;;;;;;De Heuvel noord;Meedoen',
    ]);
    const filled = Buffer.from(`${lines[0]}\nBU19160200;meedoen_pct;2021;60;;;;Prinsenhof hoog;Meedoen\n`);
    const preview = await upload(filled).expect(200);
    assert.equal(preview.body.geldig, true);
    assert.deepEqual(preview.body.waarschuwingen, []);
    await request(t.app)
      .get('/api/v1/beheer/imports/sjabloon?programma=bestaat-niet')
      .set('Cookie', editor.cookie)
      .expect(404);
  });

  it('documents the flags, the indicator ids and the template in the README', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const word of [
      'voorlopig',
      'geheim',
      'afgerond:N',
      'waarde-afgerond:N',
      '/api/v1/indicatoren',
      'sjabloon',
    ]) {
      assert.ok(readme.includes(word), word);
    }
  });
});
