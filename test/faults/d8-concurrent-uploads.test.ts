/**
 * D8, D9 against a real app process on a PostgreSQL instance of its own: pairs of uploads
 * committed at the same moment. Before the import lock, two corrections lost the first one's
 * value from the history and two inserts of one new key gave a 500 (duplicate key).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createDatabase } from '../../server/db/createDatabase.ts';
import { PASSWORD } from '../fixtures/beheer/beheerTestSupport.ts';
import { AppProcess } from './support/appProcess.ts';
import { TempPostgres } from './support/tempPostgres.ts';

const PAIRS = 5;

describe('D8, D9: concurrent uploads on a real process', { timeout: 120_000 }, () => {
  let postgres: TempPostgres;
  let app: AppProcess;
  let session: { cookie: string; csrf: string };
  before(async () => {
    postgres = await TempPostgres.create();
    app = await AppProcess.start({ DATABASE_URL: postgres.url() });
    const db = createDatabase({ databaseUrl: postgres.url() });
    await db
      .insertInto('areas')
      .values({
        code: 'GM9998',
        vintage: 2022,
        level: 'gemeente',
        name: 'Proefgemeente',
        parent_code: null,
        gemeente_code: 'GM9998',
        geometry: null,
        bbox: null,
        source: 'fouttest',
        import_id: null,
      })
      .execute();
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
    await db.destroy();
    const login = await fetch(`${app.base}/sessies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'redactie', wachtwoord: PASSWORD }),
    });
    assert.equal(login.status, 201);
    session = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  });
  after(async () => {
    await app?.stop();
    await postgres?.destroy();
  });

  const commit = (period: number, value: string) =>
    fetch(`${app.base}/beheer/imports?soort=gemeentecijfers&modus=vastleggen&bestandsnaam=c.csv`, {
      method: 'POST',
      headers: {
        Cookie: session.cookie,
        'X-CSRF-Token': session.csrf,
        'Content-Type': 'application/octet-stream',
      },
      body: `gebiedscode;indicator;periode;waarde;teller;noemer;flags\nGM9998;inwoners;${period};${value};;;\n`,
    }).then((res) => res.status);

  const history = async (period: number) => {
    const client = new pg.Client({ connectionString: postgres.url() });
    await client.connect();
    const { rows } = await client.query(
      `select o.value as current, array(select r.value from observation_revisions r where r.observation_id = o.id order by r.id) as earlier
       from observations o where o.area_code = 'GM9998' and o.indicator_id = 'inwoners' and o.period = $1`,
      [String(period)],
    );
    await client.end();
    return rows[0] as { current: number; earlier: number[] };
  };

  it(`${PAIRS} pairs of corrections and ${PAIRS} pairs of new keys`, async () => {
    const figures = { corrections: { kept: 0, lost: 0 }, newKeys: { ok: 0, failed: 0 } };
    for (let pair = 0; pair < PAIRS; pair++) {
      assert.equal(await commit(2030 + pair, '100'), 201);
      const statuses = await Promise.all([commit(2030 + pair, '111'), commit(2030 + pair, '222')]);
      const { current, earlier } = await history(2030 + pair);
      const expected = [100, current === 222 ? 111 : 222];
      if (statuses.every((s) => s === 201) && JSON.stringify(earlier) === JSON.stringify(expected))
        figures.corrections.kept++;
      else figures.corrections.lost++;
      const fresh = await Promise.all([commit(2060 + pair, '111'), commit(2060 + pair, '222')]);
      if (fresh.every((s) => s === 201)) figures.newKeys.ok++;
      else figures.newKeys.failed++;
    }
    console.log('D8/D9 figures', JSON.stringify(figures));
    assert.deepEqual(figures, { corrections: { kept: PAIRS, lost: 0 }, newKeys: { ok: PAIRS, failed: 0 } });
  });
});
