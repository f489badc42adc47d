import { z } from '../../schemas/zod.ts';
import { PERIOD_BOUND_PATTERN } from './halfYear.ts';

// The `plan` part of a programme definition file (geodata/programmes/*.json): doelen,
// inspanningen, the plan's budget table and its monitoring rhythm, carried as the plan writes them.

export interface DoelDefinition {
  code: string;
  titel: string;
  omschrijving?: string | undefined;
  indicatoren?: string[] | undefined;
  subdoelen?: DoelDefinition[] | undefined;
}

const doelDefinitionSchema: z.ZodType<DoelDefinition> = z.lazy(() =>
  z
    .object({
      code: z.string().min(1),
      titel: z.string().min(1),
      omschrijving: z.string().optional(),
      indicatoren: z.array(z.string()).optional(),
      subdoelen: z.array(doelDefinitionSchema).optional(),
    })
    .strict(),
);

const periodBound = z.string().regex(PERIOD_BOUND_PATTERN, 'verwacht een jaar (2022) of half jaar (2022-H2)');

const inspanningDefinitionSchema = z
  .object({
    code: z.string().min(1),
    soort: z.enum(['actie', 'bestaand']).default('actie'),
    wat: z.string().min(1),
    hoe: z.string().optional(),
    wanneer: z
      .object({ tekst: z.string().optional(), start: periodBound.optional(), eind: periodBound.optional() })
      .strict()
      .optional(),
    trekker: z.string().optional(),
    partners: z.array(z.string().min(1)).default([]),
    middelen: z
      .object({
        tekst: z.string().optional(),
        bedragen: z
          .array(z.object({ jaar: z.number().int().optional(), bedrag: z.number().nonnegative() }).strict())
          .default([]),
      })
      .strict()
      .optional(),
    doelen: z.array(z.string()).default([]),
    gebieden: z.array(z.string()).default([]),
    output: z
      .object({ omschrijving: z.string().min(1), gepland: z.number().optional() })
      .strict()
      .optional(),
  })
  .strict();
export type InspanningDefinition = z.infer<typeof inspanningDefinitionSchema>;

const budgetLineDefinitionSchema = z
  .object({
    soort: z.enum(['begroting', 'financiering', 'totaal']),
    doel: z.string().optional(),
    omschrijving: z.string().min(1),
    /** Amount per year ("2022": 1400000), or `bedrag` for one amount without a year. */
    jaren: z.record(z.string().regex(/^\d{4}$/), z.number()).optional(),
    bedrag: z.number().optional(),
    toelichting: z.string().optional(),
  })
  .strict()
  .refine((line) => (line.jaren === undefined) !== (line.bedrag === undefined), {
    message: 'een begrotingsregel heeft jaren of bedrag, niet allebei en niet geen van beide',
  });
export type BudgetLineDefinition = z.infer<typeof budgetLineDefinitionSchema>;

export const planDefinitionSchema = z
  .object({
    ambitie: z.string().optional(),
    monitoring: z.array(z.string()).default([]),
    begrotingToelichting: z.string().optional(),
    bron: z.string().optional(),
    doelen: z.array(doelDefinitionSchema),
    inspanningen: z.array(inspanningDefinitionSchema),
    begroting: z.array(budgetLineDefinitionSchema).default([]),
  })
  .strict();
export type PlanDefinition = z.infer<typeof planDefinitionSchema>;

/** Every doel of the tree, depth first, with its parent's code. */
export function flattenDoelen(
  doelen: DoelDefinition[],
  parent: string | null = null,
): { doel: DoelDefinition; parent: string | null; depth: number }[] {
  return doelen.flatMap((doel) => [
    { doel, parent, depth: parent === null ? 0 : 1 },
    ...flattenDoelen(doel.subdoelen ?? [], doel.code).map((entry) => ({ ...entry, depth: entry.depth + 1 })),
  ]);
}

/**
 * The cross-references a schema cannot check: unique codes, inspanningen and budget lines naming
 * doelen that exist, doel indicators the programme follows, inspanning areas the programme names.
 * Returns Dutch messages; empty when the plan is consistent.
 */
export function checkPlanDefinition(
  plan: PlanDefinition,
  known: { indicators: string[]; areas: string[] },
): string[] {
  const problems: string[] = [];
  const doelCodes = new Set<string>();
  for (const { doel } of flattenDoelen(plan.doelen)) {
    if (doelCodes.has(doel.code)) problems.push(`doel ${doel.code} komt twee keer voor`);
    doelCodes.add(doel.code);
    for (const indicator of doel.indicatoren ?? []) {
      if (!known.indicators.includes(indicator))
        problems.push(`doel ${doel.code}: indicator ${indicator} staat niet in indicators van het programma`);
    }
  }
  const inspanningCodes = new Set<string>();
  for (const inspanning of plan.inspanningen) {
    if (inspanningCodes.has(inspanning.code))
      problems.push(`inspanning ${inspanning.code} komt twee keer voor`);
    inspanningCodes.add(inspanning.code);
    for (const code of inspanning.doelen) {
      if (!doelCodes.has(code)) problems.push(`inspanning ${inspanning.code}: onbekend doel ${code}`);
    }
    for (const area of inspanning.gebieden) {
      if (!known.areas.includes(area))
        problems.push(`inspanning ${inspanning.code}: onbekend gebied ${area}`);
    }
    const { start, eind } = inspanning.wanneer ?? {};
    if (start && eind && eind.slice(0, 4) < start.slice(0, 4))
      problems.push(`inspanning ${inspanning.code}: eind ${eind} ligt vóór start ${start}`);
  }
  for (const line of plan.begroting) {
    if (line.doel !== undefined && !doelCodes.has(line.doel))
      problems.push(`begrotingsregel ${line.omschrijving}: onbekend doel ${line.doel}`);
  }
  return problems;
}
