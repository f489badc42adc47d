/**
 * D11: a 1 M-row KWB file (~48 MB) previewed through the beheer upload, on a real app process.
 * Before the fix the preview took 30–35 s, grew RSS to 3,3 GB and stalled every other request for
 * 29,8 s. The upload goes to a temporary file as it arrives and is decoded and parsed from it in
 * 64 kB chunks with a turn of the event loop between them (docs/decisions/0079, 0106); rows of
 * gemeenten without boundaries cost no memory. The whole process, idle app included, must stay
 * under 512 MB. Prints RSS (VmHWM: the kernel's peak), the preview's time and other latencies.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createDatabase, type Db } from '../../server/db/createDatabase.ts';
import { PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import { AppProcess, timedGet } from './support/appProcess.ts';
import { TempPostgres } from './support/tempPostgres.ts';

const ROWS = 1_000_000;
const NATIONAL_ROWS = 20_000;

/** A national-sized file (KWB has ~17 000 regions) with every column of the KWB map: all stored. */
function nationalKwbFile(): Buffer {
  const map = JSON.parse(
    readFileSync(new URL('../../geodata/kwb-columns.json', import.meta.url), 'utf8'),
  ) as { columns: object };
  const columns = Object.keys(map.columns).map((name, index) => `${name}_${index + 5}`);
  const parts = [`Codering_3;WijkenEnBuurten;${columns.join(';')}`];
  for (let i = 0; i < NATIONAL_ROWS; i++) {
    const values = columns.map((_, j) => (i * 7 + j) % 1000);
    parts.push(`${buurtCode(i)};Buurt ${i};${values.join(';')}`);
  }
  return Buffer.from(`${parts.join('\n')}\n`);
}

const buurtCode = (i: number) =>
  `BU${String(1 + Math.floor(i / 10000)).padStart(4, '0')}${String(i % 10000).padStart(4, '0')}`;

function bigKwbFile(): Buffer {
  const parts = [
    'ID;Gemeentenaam_1;Codering_3;AantalInwoners_5;HuishoudensTotaal_29;PersonenPerSoortUitkeringBijstand_94',
  ];
  for (let i = 0; i < ROWS; i++) {
    parts.push(
      `${i + 1};Proefgemeente ${i % 97};${buurtCode(i)};${1000 + (i % 5000)};${400 + (i % 900)};${i % 300}`,
    );
  }
  return Buffer.from(`${parts.join('\n')}\n`);
}

describe('D11: a 48 MB, 1 M-row KWB preview', { timeout: 240_000 }, () => {
  let postgres: TempPostgres;
  let app: AppProcess;
  let db: Db;
  let session: { cookie: string; csrfToken: string };
  const figures: Record<string, unknown> = {};
  before(async () => {
    postgres = await TempPostgres.create();
    app = await AppProcess.start({ DATABASE_URL: postgres.url() });
    db = createDatabase({ databaseUrl: postgres.url() });
    await db
      .insertInto('users')
      .values({
        username: 'redactie',
        display_name: 'Redactie',
        role: 'redacteur',
        password_hash: await hashPassword(PASSWORD),
        disabled: false,
      })
      .execute();
  });
  after(async () => {
    console.log('D11 figures', JSON.stringify(figures, null, 1));
    await db?.destroy();
    await app?.stop();
    await postgres?.destroy();
  });

  it('answers, stays under 512 MB and keeps serving other requests meanwhile', async () => {
    const login = await fetch(`${app.base}/sessies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'redactie', wachtwoord: PASSWORD }),
    });
    assert.equal(login.status, 201);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    session = { cookie, csrfToken };
    const file = bigKwbFile();
    figures.fileMb = Math.round((file.byteLength / 1024 / 1024) * 10) / 10;
    const rssBefore = app.rssMb();

    let uploading = true;
    const latencies: number[] = [];
    let rssPeak = rssBefore;
    const probe = (async () => {
      while (uploading && latencies.length < 2000) {
        const res = await timedGet(`${app.base}/indicatoren`, 60_000);
        latencies.push(res.status === 200 ? res.ms : Number.POSITIVE_INFINITY);
        rssPeak = Math.max(rssPeak, app.rssMb());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    const res = await fetch(
      `${app.base}/beheer/imports?soort=kwb&modus=voorbeeld&bestandsnaam=kwb2024_groot.csv`,
      {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(file),
        signal: AbortSignal.timeout(180_000),
      },
    );
    const report = (await res.json()) as Record<string, unknown>;
    const previewMs = performance.now() - started;
    uploading = false;
    await probe;
    const sorted = [...latencies].sort((a, b) => a - b);
    Object.assign(figures, {
      status: res.status,
      previewS: Math.round(previewMs / 100) / 10,
      rssBeforeMb: Math.round(rssBefore),
      rssPeakMb: Math.round(rssPeak),
      vmHwmMb: Math.round(app.peakRssMb()),
      otherRequests: latencies.length,
      otherMedianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      otherMaxMs: Math.round(sorted.at(-1) ?? 0),
      report: { geldig: report.geldig, regelsTotaal: report.regelsTotaal, nieuw: report.nieuw },
    });
    assert.equal(res.status, 200, JSON.stringify(report).slice(0, 300));
    assert.equal(report.geldig, true);
    // The absolute peak of the process (the idle app, tsx and the catalogue, is ~220 MB by itself).
    // Before the upload was streamed (body and its text held whole) this was 552–590 MB.
    assert.ok(app.peakRssMb() < 512, `peak RSS ${app.peakRssMb()} MB (idle ${rssBefore} MB)`);
    assert.ok(latencies.length >= 5, 'other requests were made during the preview');
    assert.ok((sorted.at(-1) ?? 0) < 3000, `slowest other request ${sorted.at(-1)} ms`);
  });

  it('previews a national-sized file whose 20 000 buurten are all loaded, under 512 MB', async () => {
    // Every row is stored here: 20 000 × 30 columns, the observations a national KWB file keeps.
    await sql`
      insert into areas (code, vintage, level, name, parent_code, gemeente_code, source)
      select 'BU' || lpad((1 + i / 10000)::text, 4, '0') || lpad((i % 10000)::text, 4, '0'), 2022, 'buurt',
        'Buurt ' || i, null, 'GM' || lpad((1 + i / 10000)::text, 4, '0'), 'd11'
      from generate_series(0, ${NATIONAL_ROWS - 1}) as i`.execute(db);
    const file = nationalKwbFile();
    let rssPeak = app.rssMb();
    let previewing = true;
    const sampler = (async () => {
      while (previewing) {
        rssPeak = Math.max(rssPeak, app.rssMb());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    const res = await fetch(
      `${app.base}/beheer/imports?soort=kwb&modus=voorbeeld&bestandsnaam=kwb2024_landelijk.csv`,
      {
        method: 'POST',
        headers: {
          Cookie: session.cookie,
          'X-CSRF-Token': session.csrfToken,
          'Content-Type': 'application/octet-stream',
        },
        body: new Uint8Array(file),
        signal: AbortSignal.timeout(180_000),
      },
    );
    const report = (await res.json()) as Record<string, unknown>;
    previewing = false;
    await sampler;
    figures.national = {
      fileMb: Math.round((file.byteLength / 1024 / 1024) * 10) / 10,
      status: res.status,
      previewS: Math.round((performance.now() - started) / 100) / 10,
      rssPeakMb: Math.round(rssPeak),
      vmHwmMb: Math.round(app.peakRssMb()),
      report: { geldig: report.geldig, regelsTotaal: report.regelsTotaal, nieuw: report.nieuw },
    };
    assert.equal(res.status, 200, JSON.stringify(report).slice(0, 300));
    assert.equal(report.nieuw, report.regelsTotaal);
    assert.ok(Number(report.nieuw) > NATIONAL_ROWS * 25, `${report.nieuw} observations`);
    assert.ok(app.peakRssMb() < 512, `peak RSS ${app.peakRssMb()} MB`);
  });
});
