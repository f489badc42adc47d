// A programme definition file that changed since it was loaded is reloaded on start, unless the
// programme was worked on in beheer since (decision 0126). The "old" file is today's file without
// its related series, as a database made before relatedIndicatorId existed holds it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { upsertIndicatorCatalogue } from '../../server/imports/catalogue/indicatorCatalogue.ts';
import {
  loadProgrammeDefinition,
  type ProgrammeDefinitionFile,
  readProgrammeDefinitions,
} from '../../server/imports/programme/programmeDefinition.ts';
import { reloadChangedProgrammeDefinition } from '../../server/imports/programme/programmeDefinitionReload.ts';
import { addUser, login } from '../fixtures/beheer/beheerTestSupport.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const ID = 'sterk-voor-noord';
const current = readProgrammeDefinitions().find((file) => file.definition.id === ID)!;

/** The file with `change` applied to its definition, as different bytes. */
function variant(
  change: (definition: ProgrammeDefinitionFile['definition']) => void,
): ProgrammeDefinitionFile {
  const definition = structuredClone(current.definition);
  change(definition);
  return { fileName: current.fileName, bytes: Buffer.from(JSON.stringify(definition)), definition };
}

describe('a changed programme definition file on start', () => {
  let t: TestApp;
  const related = async () =>
    (
      await t.db
        .selectFrom('programme_indicators')
        .select('related_indicator_id')
        .where('programme_id', '=', ID)
        .where('related_indicator_id', 'is not', null)
        .execute()
    ).length;
  const expectedRelated = current.definition.indicators.filter((i) => i.relatedIndicatorId).length;

  before(async () => {
    t = await createTestApp();
    await upsertIndicatorCatalogue(t.db);
    const old = variant((definition) => {
      for (const indicator of definition.indicators) delete indicator.relatedIndicatorId;
    });
    await loadProgrammeDefinition(t.db, old, 'opstart');
  });
  after(() => t.destroy());

  it('is reloaded when nobody worked on the programme in beheer: the related series appear', async () => {
    assert.ok(expectedRelated > 0);
    assert.equal(await related(), 0);
    const result = await reloadChangedProgrammeDefinition(t.db, current, 'opstart');
    assert.equal(result.status, 'opnieuw geladen');
    assert.equal(await related(), expectedRelated);
    const targets = await t.db.selectFrom('targets').select('id').where('programme_id', '=', ID).execute();
    assert.equal(targets.length, current.definition.targets.length);
    const inspanningen = await t.db
      .selectFrom('inspanningen')
      .select('id')
      .where('programme_id', '=', ID)
      .execute();
    assert.ok(inspanningen.length > 0, 'the plan is loaded again');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ID)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((row) => row.action),
      ['programme.load', 'programme.reload', 'programme.load'],
    );
  });

  it('is left alone on the next start: the stored hash is the file’s', async () => {
    assert.equal((await reloadChangedProgrammeDefinition(t.db, current, 'opstart')).status, 'ongewijzigd');
  });

  it('is not reloaded once the programme was edited in beheer; a Dutch notice says why', async () => {
    await addUser(t.db, 'redactie', 'redacteur');
    const editor = await login(t.app, 'redactie');
    await request(t.app)
      .patch(`/api/v1/beheer/programmas/${ID}`)
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrf)
      .send({ naam: 'Sterk voor Noord (herzien in beheer)' })
      .expect(200);
    const changed = variant((definition) => {
      definition.description = `${definition.description} (bijgewerkt)`;
    });
    const result = await reloadChangedProgrammeDefinition(t.db, changed, 'opstart');
    assert.equal(result.status, 'bewerkt in beheer');
    assert.ok(result.status === 'bewerkt in beheer');
    assert.match(result.message, /in beheer bewerkt \(programma\.wijzigen\)/);
    assert.match(result.message, /wordt niet opnieuw geladen/);
    const programme = await t.db
      .selectFrom('programmes')
      .select(['name', 'description'])
      .where('id', '=', ID)
      .executeTakeFirstOrThrow();
    assert.equal(programme.name, 'Sterk voor Noord (herzien in beheer)');
    assert.equal(programme.description, current.definition.description);
  });
});
