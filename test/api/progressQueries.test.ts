// No N+1 in progress: the number of queries of an answer does not grow with the number of
// programmes (or targets) it covers. Counted with a Kysely plugin on the real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/createDatabase.ts';
import { createLogger } from '../../server/logger.ts';
import {
  getAreaProgress,
  getAreaStatuses,
  getProgrammeProgress,
} from '../../server/progress/progressService.ts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.ts';

let t: TestDatabase;
let queries = 0;
let counted: Db;
const counter: KyselyPlugin = {
  transformQuery: (args) => args.node,
  // Called once per statement executed (transformQuery also sees each subquery).
  transformResult: async (args) => {
    queries++;
    return args.result;
  },
};
async function queriesOf(run: () => Promise<unknown>): Promise<number> {
  queries = 0;
  await run();
  return queries;
}

/** A second programme with a copy of every Sterk voor Noord target, on the same areas. */
async function addCopyOfSterkVoorNoord(id: string): Promise<void> {
  const original = await t.db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', 'sterk-voor-noord')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('programmes')
    .values({ ...original, id, name: `Kopie ${id}` })
    .execute();
  const targets = await t.db
    .selectFrom('targets')
    .selectAll()
    .where('programme_id', '=', 'sterk-voor-noord')
    .execute();
  await t.db
    .insertInto('targets')
    .values(targets.map(({ id: _id, updated_at: _updated, ...target }) => ({ ...target, programme_id: id })))
    .execute();
}

const BIJSTAND_LAYER = {
  indicatorId: 'bijstand_huishoudens_pct',
  vintage: 2022,
  level: 'buurt' as const,
  year: 2023,
  horizon: 10,
};

describe('progress reads in batches', () => {
  before(async () => {
    t = await createTestDatabase();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    counted = t.db.withPlugin(counter);
  });
  after(() => t.destroy());

  test('the voortgang of Sterk voor Noord takes at most 10 queries (was 17)', async () => {
    assert.ok((await queriesOf(() => getProgrammeProgress(counted, 'sterk-voor-noord'))) <= 10);
  });

  test('a profile and a map layer take as many queries with three programmes on the area as with one', async () => {
    const profileWithOne = await queriesOf(() => getAreaProgress(counted, 'BU19160200', 2022));
    const layerWithOne = await queriesOf(() => getAreaStatuses(counted, BIJSTAND_LAYER));
    await addCopyOfSterkVoorNoord('kopie-een');
    await addCopyOfSterkVoorNoord('kopie-twee');
    const profile = await getAreaProgress(counted, 'BU19160200', 2022);
    assert.equal(new Set(profile?.targets.map((target) => target.programme.id)).size, 3, 'three programmes');
    assert.equal(await queriesOf(() => getAreaProgress(counted, 'BU19160200', 2022)), profileWithOne);
    assert.equal(await queriesOf(() => getAreaStatuses(counted, BIJSTAND_LAYER)), layerWithOne);
  });
});
