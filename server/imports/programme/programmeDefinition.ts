import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import { definitionTargetSchema } from '../../../schemas/targets.ts';
import { programmeIdPattern } from '../../../schemas/vocabulary.ts';
import { z } from '../../../schemas/zod.ts';
import { writeAudit } from '../../audit/audit.ts';
import { geodataDir } from '../../config.ts';
import { bumpDataGeneration } from '../../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../../db/createDatabase.ts';
import type { Database } from '../../db/Database.ts';
import { refreshWithheld } from '../../disclosure/disclosureRepository.ts';
import { checkPlanDefinition, planDefinitionSchema } from '../../plan/planDefinition.ts';
import { hasPlan, insertPlan } from '../../plan/planRepository.ts';
import { writeObservations } from '../writeObservations.ts';

export const programmesDir = path.join(geodataDir, 'programmes');

const areaCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/);

export const programmeDefinitionSchema = z
  .object({
    toelichting: z.string(),
    id: z.string().regex(programmeIdPattern),
    name: z.string().min(1),
    description: z.string(),
    gemeenteCode: areaCode,
    referenceAreaCode: areaCode,
    startYear: z.number().int(),
    horizonYears: z.number().int().positive(),
    vintage: z.number().int(),
    sourceDocument: z.string(),
    baselineSource: z.string(),
    /** Areas the programme refers to; created without geometry when boundaries are not loaded yet. */
    areas: z.array(
      z.object({
        code: areaCode,
        level: z.enum(['gemeente', 'wijk', 'buurt']),
        name: z.string(),
        parentCode: z.string().nullable(),
      }),
    ),
    programmeAreas: z.array(
      z.object({ code: areaCode, name: z.string(), label: z.string(), members: z.array(areaCode).min(1) }),
    ),
    focusAreas: z.array(z.object({ code: areaCode, label: z.string() })),
    indicators: z.array(
      z.object({
        indicatorId: z.string(),
        role: z.enum(['resultaat', 'monitoring']),
        level: z.string(),
        label: z.string(),
        /** The real series of another definition shown beside this row while it has only a baseline. */
        relatedIndicatorId: z.string().optional(),
      }),
    ),
    baselines: z.array(
      z.object({
        indicatorId: z.string(),
        areaCode,
        period: z.string().regex(/^\d{4}(-\d{4})?$/),
        value: z.number(),
        numerator: z.number().optional(),
        valueRounding: z.number().positive().optional(),
      }),
    ),
    targets: z.array(definitionTargetSchema),
    /** Doelen, inspanningen, budget table and monitoring rhythm (server/plan/planDefinition.ts). */
    plan: planDefinitionSchema.optional(),
  })
  .strict();

export type ProgrammeDefinition = z.infer<typeof programmeDefinitionSchema>;

export interface ProgrammeDefinitionFile {
  fileName: string;
  bytes: Buffer;
  definition: ProgrammeDefinition;
}

/** Every programme definition in geodata/programmes/, validated; throws naming the file and the problem. */
export function readProgrammeDefinitions(directory: string = programmesDir): ProgrammeDefinitionFile[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(directory, name));
      const parsed = programmeDefinitionSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (!parsed.success) {
        const issues = parsed.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ');
        throw new Error(`Programmadefinitie ${name} is ongeldig: ${issues}`);
      }
      const definition = parsed.data;
      if (definition.plan) {
        const problems = checkPlanDefinition(definition.plan, {
          indicators: definition.indicators.map((indicator) => indicator.indicatorId),
          areas: [...definition.areas, ...definition.programmeAreas].map((area) => area.code),
        });
        if (problems.length > 0)
          throw new Error(`Programmadefinitie ${name} is ongeldig: plan: ${problems.join('; ')}`);
      }
      return { fileName: name, bytes, definition: parsed.data };
    });
}

export type ProgrammeLoadResult = {
  programmeId: string;
  status: 'geladen' | 'bestond al' | 'plan geladen';
  targets: number;
  baselines: number;
  doelen?: number;
  inspanningen?: number;
};

/**
 * Loads a programme definition when the programme is absent. An existing programme is not
 * touched here: it may have been edited in beheer, and a silent overwrite would undo that work
 * (a changed file is reloaded by programmeDefinitionReload.ts, under its rule, decision 0126).
 * Everything happens in one transaction, recorded as an import of kind `programma`.
 */
export async function loadProgrammeDefinition(
  db: Db,
  file: ProgrammeDefinitionFile,
  actor: string,
  /** A reload (programmeDefinitionReload.ts): removes the loaded programme first, in the same transaction. */
  options: { replaceExisting?: (trx: Transaction<Database>) => Promise<void> } = {},
): Promise<ProgrammeLoadResult> {
  const definition = file.definition;
  const existing = await db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', definition.id)
    .executeTakeFirst();
  if (existing && !options.replaceExisting) {
    // A programme loaded before plans existed gets its plan once; a plan already there is never
    // overwritten (it may have been edited in beheer).
    if (!definition.plan || (await hasPlan(db, definition.id)))
      return { programmeId: definition.id, status: 'bestond al', targets: 0, baselines: 0 };
    const plan = definition.plan;
    const counts = await db.transaction().execute(async (trx) => {
      const written = await insertPlan(
        trx,
        { id: definition.id, gemeenteCode: definition.gemeenteCode },
        plan,
      );
      await writeAudit(trx, {
        actor: { username: actor, id: null },
        action: 'programme.plan.load',
        entity: 'programmes',
        entityId: definition.id,
        before: null,
        after: { file: file.fileName, ...written },
      });
      return written;
    });
    return { programmeId: definition.id, status: 'plan geladen', targets: 0, baselines: 0, ...counts };
  }
  const vintage = definition.vintage;

  let planCounts: { doelen: number; inspanningen: number } | undefined;
  await db.transaction().execute(async (trx) => {
    await options.replaceExisting?.(trx);
    const { id: importId } = await trx
      .insertInto('imports')
      .values({
        kind: 'programma',
        file_name: `geodata/programmes/${file.fileName}`,
        file_hash: createHash('sha256').update(file.bytes).digest('hex'),
        file_size: file.bytes.byteLength,
        actor,
        status: 'gelukt',
        rows_total: definition.targets.length + definition.baselines.length,
        report: JSON.stringify({ programme: definition.id }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Areas the plan names, as stubs when the boundaries are not loaded yet; a later boundary
    // import fills in geometry. Existing areas are left as they are.
    const present = new Set(
      (
        await trx
          .selectFrom('areas')
          .select('code')
          .where('vintage', '=', vintage)
          .where(
            'code',
            'in',
            definition.areas.map((area) => area.code),
          )
          .execute()
      ).map((row) => row.code),
    );
    const stubs = definition.areas.filter((area) => !present.has(area.code));
    if (stubs.length > 0) {
      await trx
        .insertInto('areas')
        .values(
          stubs.map((area) => ({
            code: area.code,
            vintage,
            level: area.level,
            name: area.name,
            parent_code: area.parentCode,
            gemeente_code: definition.gemeenteCode,
            geometry: null,
            bbox: null,
            source: `Programmadefinitie ${definition.name}`,
            import_id: null,
          })),
        )
        .execute();
    }
    for (const programmeArea of definition.programmeAreas) {
      await trx
        .insertInto('areas')
        .values({
          code: programmeArea.code,
          vintage,
          level: 'programmagebied',
          name: programmeArea.name,
          parent_code: definition.gemeenteCode,
          gemeente_code: definition.gemeenteCode,
          geometry: null,
          bbox: null,
          source: `Programmadefinitie ${definition.name}`,
          import_id: null,
        })
        .onConflict((conflict) => conflict.columns(['code', 'vintage']).doNothing())
        .execute();
      await trx
        .insertInto('area_members')
        .values(
          programmeArea.members.map((member) => ({
            area_code: programmeArea.code,
            vintage,
            member_code: member,
          })),
        )
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }

    await trx
      .insertInto('programmes')
      .values({
        id: definition.id,
        name: definition.name,
        description: definition.description,
        gemeente_code: definition.gemeenteCode,
        start_year: definition.startYear,
        horizon_years: definition.horizonYears,
        vintage,
        reference_area_code: definition.referenceAreaCode,
        source_document: definition.sourceDocument,
      })
      .execute();
    const programmeAreaRows = [
      ...definition.focusAreas.map((area, index) => ({
        programme_id: definition.id,
        area_code: area.code,
        role: 'focus' as const,
        label: area.label,
        sort_order: index + 1,
      })),
      ...definition.programmeAreas.map((area, index) => ({
        programme_id: definition.id,
        area_code: area.code,
        role: 'programmagebied' as const,
        label: area.label,
        sort_order: definition.focusAreas.length + index + 1,
      })),
    ];
    if (programmeAreaRows.length > 0)
      await trx.insertInto('programme_areas').values(programmeAreaRows).execute();
    if (definition.indicators.length > 0)
      await trx
        .insertInto('programme_indicators')
        .values(
          definition.indicators.map((indicator, index) => ({
            programme_id: definition.id,
            indicator_id: indicator.indicatorId,
            role: indicator.role,
            level: indicator.level,
            label: indicator.label,
            sort_order: index + 1,
            related_indicator_id: indicator.relatedIndicatorId ?? null,
          })),
        )
        .execute();
    if (definition.targets.length > 0)
      await trx
        .insertInto('targets')
        .values(
          definition.targets.map((target) => ({
            programme_id: definition.id,
            indicator_id: target.indicatorId,
            area_code: target.areaCode,
            horizon: target.horizon,
            target_year: definition.startYear + target.horizon,
            kind: target.kind,
            target_value: target.targetValue ?? null,
            reference_area_code: target.referenceAreaCode ?? null,
            direction: target.direction ?? null,
            baseline_year: target.baseline.year,
            baseline_value: target.baseline.value,
            baseline_numerator: target.baseline.numerator ?? null,
            baseline_source: 'plan' as const,
            baseline_period_start: target.baseline.periodStart ?? null,
            baseline_period_end: target.baseline.periodEnd ?? null,
            plan_text: target.planText,
            note: target.note ?? null,
            decision_reference: target.besluitKenmerk ?? null,
            decision_date: target.besluitDatum ?? null,
          })),
        )
        .execute();

    // The plan's baselines as observations, so a baseline is a real data point on the charts.
    // A value already observed for the same key (e.g. uploaded by the gemeente) wins.
    const rows = definition.baselines.map((baseline, index) => ({
      line: index + 1,
      column: 'baselines',
      indicatorId: baseline.indicatorId,
      areaCode: baseline.areaCode,
      vintage,
      period: baseline.period,
      year: Number(baseline.period.slice(-4)),
      value: baseline.value,
      numerator: baseline.numerator ?? null,
      denominator: null,
      provisional: false,
      confidential: false,
      valueRounding: baseline.valueRounding ?? null,
      countRounding: null,
      source: definition.baselineSource,
    }));
    const taken = new Set(
      (rows.length === 0
        ? []
        : await trx
            .selectFrom('observations')
            .select(['indicator_id', 'area_code', 'period'])
            .where('vintage', '=', vintage)
            .where('indicator_id', 'in', [...new Set(rows.map((row) => row.indicatorId))])
            .execute()
      ).map((row) => `${row.indicator_id}|${row.area_code}|${row.period}`),
    );
    const written = definition.plan
      ? await insertPlan(trx, { id: definition.id, gemeenteCode: definition.gemeenteCode }, definition.plan)
      : undefined;
    planCounts = written;
    const counts = await writeObservations(
      trx,
      rows.filter((row) => !taken.has(`${row.indicatorId}|${row.areaCode}|${row.period}`)),
      importId,
      actor,
    );
    await trx
      .updateTable('imports')
      .set({
        finished_at: new Date(),
        rows_new: counts.rowsNew,
        rows_unchanged: rows.length - counts.rowsNew,
      })
      .where('id', '=', importId)
      .execute();
    await writeAudit(trx, {
      actor: { username: actor, id: null },
      action: 'programme.load',
      entity: 'programmes',
      entityId: definition.id,
      before: null,
      after: { file: file.fileName, targets: definition.targets.length },
      importId,
    });
    // New programme areas (and their stored figures) are sums too (decision 0082).
    await refreshWithheld(trx);
    await bumpDataGeneration(trx); // cached map layers of every app process are stale now (0107)
  });
  return {
    programmeId: definition.id,
    status: 'geladen',
    targets: definition.targets.length,
    baselines: definition.baselines.length,
    ...(planCounts ?? {}),
  };
}

/** Loads every definition in geodata/programmes/ that is not in the database yet. */
export async function loadProgrammeDefinitions(db: Db, actor: string): Promise<ProgrammeLoadResult[]> {
  const results: ProgrammeLoadResult[] = [];
  for (const file of readProgrammeDefinitions()) results.push(await loadProgrammeDefinition(db, file, actor));
  return results;
}
