/**
 * D8, D9: two uploads committed at the same moment. On PostgreSQL each request gets its own pooled
 * connection, so without the import lock both read the old value: two corrections 100→111 and
 * 100→222 left the history [100, 100] (7 of 10), and two inserts of one new key gave a 500
 * (duplicate key … observations_key, 8 of 10). On PGlite the single connection serialises them anyway.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { addUser, type LoggedIn, login, seedProgramme } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const TRIALS = 10;
const csv = (period: number, value: string) =>
  Buffer.from(
    `gebiedscode;indicator;periode;waarde;teller;noemer;flags\nBU19160200;bijstand_huishoudens_pct;${period};${value};;;\n`,
  );

describe('beheer: concurrent uploads of the same key (D8, D9)', () => {
  let t: TestApp;
  let editor: LoggedIn;
  before(async () => {
    t = await createTestApp();
    await seedProgramme(t.db);
    await addUser(t.db, 'redactie', 'redacteur');
    editor = await login(t.app, 'redactie');
  });
  after(() => t.destroy());

  const commit = (bytes: Buffer) =>
    request(t.app)
      .post('/api/v1/beheer/imports?soort=gemeentecijfers&modus=vastleggen&bestandsnaam=cijfers.csv')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);

  const history = async (period: number) => {
    const observation = await t.db
      .selectFrom('observations')
      .select(['id', 'value'])
      .where('area_code', '=', 'BU19160200')
      .where('indicator_id', '=', 'bijstand_huishoudens_pct')
      .where('period', '=', String(period))
      .executeTakeFirstOrThrow();
    const revisions = await t.db
      .selectFrom('observation_revisions')
      .select('value')
      .where('observation_id', '=', observation.id)
      .orderBy('id')
      .execute();
    return { current: observation.value, earlier: revisions.map((row) => row.value) };
  };

  it(`two corrections at once both keep their predecessor (${TRIALS} trials)`, async () => {
    const lost: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const period = 2030 + trial;
      await commit(csv(period, '10,0')).expect(201);
      const [a, b] = await Promise.all([commit(csv(period, '11,1')), commit(csv(period, '22,2'))]);
      assert.deepEqual([a.status, b.status], [201, 201], JSON.stringify([a.body, b.body]));
      const { current, earlier } = await history(period);
      // Whichever came second replaced the first one's value, not the original 10.
      const expected = current === 22.2 ? [10, 11.1] : [10, 22.2];
      if (JSON.stringify(earlier) !== JSON.stringify(expected))
        lost.push(`${period}: ${JSON.stringify(earlier)}`);
    }
    assert.deepEqual(lost, [], `history lost in ${lost.length} of ${TRIALS} trials`);
  });

  it(`two uploads of one new key at once: one insert and one correction, no 500 (${TRIALS} trials)`, async () => {
    const failures: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const period = 2050 + trial;
      const [a, b] = await Promise.all([commit(csv(period, '11,1')), commit(csv(period, '22,2'))]);
      if (a.status !== 201 || b.status !== 201) {
        failures.push(`${period}: ${a.status}/${b.status}`);
        continue;
      }
      assert.deepEqual([a.body.nieuw + b.body.nieuw, a.body.gecorrigeerd + b.body.gecorrigeerd], [1, 1]);
      const { current, earlier } = await history(period);
      assert.deepEqual(earlier, [current === 22.2 ? 11.1 : 22.2]);
    }
    assert.deepEqual(failures, [], `failed in ${failures.length} of ${TRIALS} pairs`);
  });
});
