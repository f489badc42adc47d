// Keeps observations.withheld (secondary suppression, decision 0082) in step with the data: called
// in the same transaction as every write that can change a group's figures or its rule.
import type { Transaction } from 'kysely';
import type { Db } from '../db/createDatabase.ts';
import type { Database } from '../db/Database.ts';
import { disclosureRuleOf } from './applyDisclosure.ts';
import {
  type AreaSum,
  areaSums,
  type HierarchyObservation,
  secondarySuppressions,
} from './secondarySuppression.ts';

type Executor = Db | Transaction<Database>;

const CHUNK = 1000;

/**
 * Recomputes which observations are withheld, for the given indicators (default: all). Only
 * indicators with a disclosure rule can suppress, so only they can withhold. Returns how many
 * observations changed state.
 */
export async function refreshWithheld(db: Executor, indicatorIds?: readonly string[]): Promise<number> {
  if (indicatorIds && indicatorIds.length === 0) return 0;
  let indicatorQuery = db.selectFrom('indicators').select(['id', 'min_denominator', 'min_count', 'unit']);
  if (indicatorIds) indicatorQuery = indicatorQuery.where('id', 'in', [...indicatorIds]);
  const indicators = await indicatorQuery.execute();
  const ruled = indicators.filter((i) => i.min_count != null || i.min_denominator != null);
  const unruled = indicators.filter((i) => !ruled.includes(i)).map((i) => i.id);

  let changed = 0;
  if (unruled.length > 0) {
    const cleared = await db
      .updateTable('observations')
      .set({ withheld: false })
      .where('withheld', '=', true)
      .where('indicator_id', 'in', unruled)
      .executeTakeFirst();
    changed += Number(cleared.numUpdatedRows);
  }
  const sumsByVintage = new Map<number, AreaSum[]>();
  const sumsOf = async (vintage: number) => {
    let sums = sumsByVintage.get(vintage);
    if (!sums) {
      const areas = await db
        .selectFrom('areas')
        .select(['code', 'level', 'parent_code as parentCode'])
        .where('vintage', '=', vintage)
        .execute();
      const members = await db
        .selectFrom('area_members')
        .select(['area_code as areaCode', 'member_code as memberCode'])
        .where('vintage', '=', vintage)
        .execute();
      sums = areaSums(areas, members);
      sumsByVintage.set(vintage, sums);
    }
    return sums;
  };

  for (const indicator of ruled) {
    const rule = disclosureRuleOf(indicator);
    const rows = await db
      .selectFrom('observations')
      .select([
        'id',
        'area_code',
        'vintage',
        'period',
        'value',
        'numerator',
        'denominator',
        'confidential',
        'withheld',
      ])
      .where('indicator_id', '=', indicator.id)
      .execute();
    const groups = new Map<string, { vintage: number; rows: (HierarchyObservation & { was: boolean })[] }>();
    for (const row of rows) {
      const key = `${row.vintage}|${row.period}`;
      const group = groups.get(key) ?? { vintage: row.vintage, rows: [] };
      group.rows.push({ ...row, areaCode: row.area_code, was: row.withheld });
      groups.set(key, group);
    }
    const toWithhold: number[] = [];
    const toRelease: number[] = [];
    for (const group of groups.values()) {
      const withheld = secondarySuppressions(rule, group.rows, await sumsOf(group.vintage));
      for (const row of group.rows) {
        if (withheld.has(row.id) && !row.was) toWithhold.push(row.id);
        if (!withheld.has(row.id) && row.was) toRelease.push(row.id);
      }
    }
    for (const [ids, withheld] of [
      [toWithhold, true],
      [toRelease, false],
    ] as const) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        await db
          .updateTable('observations')
          .set({ withheld })
          .where('id', 'in', ids.slice(i, i + CHUNK))
          .execute();
      }
      changed += ids.length;
    }
  }
  return changed;
}

/** The indicators an import wrote observations for (to refresh after it, or after its rollback). */
export async function indicatorsOfImport(db: Executor, importId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('observations')
    .select('indicator_id')
    .distinct()
    .where('import_id', '=', importId)
    .execute();
  return rows.map((row) => row.indicator_id);
}

/**
 * The version of the suppression rule (secondarySuppression.ts, disclosureRuleOf) that
 * observations.withheld is computed with. Raise it with any change to what those rules withhold:
 * the next start then recomputes every flag once (decision 0125).
 */
export const WITHHELD_RULE_VERSION = 1;
const STATE_ID = 'withheld';

/** True when the stored flags were computed with today's rule (else a full refresh is due). */
export async function withheldRuleIsCurrent(db: Executor): Promise<boolean> {
  const state = await db
    .selectFrom('disclosure_state')
    .select('rule_version')
    .where('id', '=', STATE_ID)
    .executeTakeFirst();
  return state?.rule_version === WITHHELD_RULE_VERSION;
}

/** Records that every flag has just been computed with today's rule. */
export async function markWithheldRuleCurrent(db: Executor): Promise<void> {
  await db
    .insertInto('disclosure_state')
    .values({ id: STATE_ID, rule_version: WITHHELD_RULE_VERSION, refreshed_at: new Date() })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({ rule_version: WITHHELD_RULE_VERSION, refreshed_at: new Date() }),
    )
    .execute();
}
