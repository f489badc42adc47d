import { readFileSync } from 'node:fs';
import path from 'node:path';
import { polaritySchema } from '../../../schemas/enums.ts';
import { z } from '../../../schemas/zod.ts';
import { geodataDir } from '../../config.ts';
import { bumpDataGeneration } from '../../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../../db/createDatabase.ts';
import type { NewIndicator } from '../../db/Database.ts';
import { refreshWithheld } from '../../disclosure/disclosureRepository.ts';

const catalogueIndicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'id moet snake_case zijn'),
    name: z.string().min(1),
    shortName: z.string().min(1).optional(),
    unit: z.string().min(1),
    polarity: polaritySchema,
    decimals: z.number().int().min(0).max(4),
    theme: z.string().optional(),
    /** For readers: plain Dutch, no notes for developers (those go in maintainerNote). */
    definition: z.string().min(1),
    /** For whoever maintains the importers (source columns, derivations); never shown to users. */
    maintainerNote: z.string().optional(),
    source: z.string().min(1),
    numeratorLabel: z.string().optional(),
    denominatorLabel: z.string().optional(),
    minDenominator: z.number().int().positive().optional(),
    minCount: z.number().int().positive().optional(),
    /** Uploads: the possible range when not the unit's own (a share 0–100, a count ≥ 0). */
    valueMin: z.number().optional(),
    valueMax: z.number().optional(),
    /** Uploads: values published as whole numbers are rounded to this (surveys: 1). */
    valueRounding: z.number().positive().optional(),
  })
  .strict();

const catalogueSchema = z.object({
  toelichting: z.string(),
  indicators: z.array(catalogueIndicatorSchema).min(1),
});

export type CatalogueIndicator = z.infer<typeof catalogueIndicatorSchema>;

let cachedCatalogue: CatalogueIndicator[] | undefined;

/** The indicator catalogue in geodata/indicators.json, validated; throws with the zod issues when invalid. */
export function readIndicatorCatalogue(): CatalogueIndicator[] {
  if (cachedCatalogue) return cachedCatalogue;
  const raw: unknown = JSON.parse(readFileSync(path.join(geodataDir, 'indicators.json'), 'utf8'));
  const catalogue = catalogueSchema.parse(raw);
  const seen = new Set<string>();
  for (const indicator of catalogue.indicators) {
    if (seen.has(indicator.id)) throw new Error(`Indicator ${indicator.id} staat twee keer in de catalogus`);
    seen.add(indicator.id);
    // A share without numerator and denominator could never be aggregated over a programme area.
    if (indicator.unit === '%' && (!indicator.numeratorLabel || !indicator.denominatorLabel)) {
      throw new Error(`Indicator ${indicator.id} is een percentage maar mist teller of noemer`);
    }
  }
  cachedCatalogue = catalogue.indicators;
  return cachedCatalogue;
}

export function toIndicatorRow(indicator: CatalogueIndicator): NewIndicator {
  return {
    id: indicator.id,
    name: indicator.name,
    short_name: indicator.shortName ?? null,
    unit: indicator.unit,
    polarity: indicator.polarity,
    decimals: indicator.decimals,
    definition: indicator.definition,
    source: indicator.source,
    theme: indicator.theme ?? null,
    numerator_label: indicator.numeratorLabel ?? null,
    denominator_label: indicator.denominatorLabel ?? null,
    min_denominator: indicator.minDenominator ?? null,
    min_count: indicator.minCount ?? null,
    value_min: indicator.valueMin ?? null,
    value_max: indicator.valueMax ?? null,
    value_rounding: indicator.valueRounding ?? null,
  };
}

/**
 * Writes the catalogue into `indicators`: new ids are inserted, existing ones get the catalogue's
 * text and rules (the repository file is the single source of indicator definitions).
 * Indicators not in the catalogue are left alone. Returns how many rows were new or changed.
 */
export async function upsertIndicatorCatalogue(db: Db): Promise<{ inserted: number; updated: number }> {
  const catalogue = readIndicatorCatalogue();
  const existing = new Map(
    (await db.selectFrom('indicators').selectAll().execute()).map((row) => [row.id, row] as const),
  );
  let inserted = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const indicator of catalogue) {
      const row = toIndicatorRow(indicator);
      const current = existing.get(indicator.id);
      if (!current) {
        await trx.insertInto('indicators').values(row).execute();
        inserted++;
        continue;
      }
      const { id, ...fields } = row;
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
        (key) => (current[key] ?? null) !== (fields[key] ?? null),
      );
      if (changed) {
        await trx.updateTable('indicators').set(fields).where('id', '=', id).execute();
        updated++;
      }
    }
    // A changed disclosure rule changes what must be withheld (decision 0082).
    if (inserted + updated > 0) await refreshWithheld(trx);
    if (inserted + updated > 0) await bumpDataGeneration(trx); // cached map layers are stale (0107)
  });
  return { inserted, updated };
}
