import type { Db } from '../db/createDatabase.ts';

export interface TemplateLine {
  areaCode: string;
  areaName: string | null;
  indicatorId: string;
  indicatorName: string;
}

/**
 * The programme's indicators (in the plan's order) with the areas it follows them in: the areas
 * with a target for the indicator, else the programme's areas at the indicator's level, else all
 * the programme's areas. Null when the programme does not exist.
 */
export async function findTemplateLines(db: Db, programmeId: string): Promise<TemplateLine[] | null> {
  const programme = await db
    .selectFrom('programmes')
    .select(['id', 'vintage'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return null;
  const [indicators, areas, targets] = await Promise.all([
    db
      .selectFrom('programme_indicators as pi')
      .innerJoin('indicators as i', 'i.id', 'pi.indicator_id')
      .select(['pi.indicator_id', 'pi.level', 'i.name'])
      .where('pi.programme_id', '=', programmeId)
      .orderBy('pi.sort_order')
      .orderBy('pi.indicator_id')
      .execute(),
    db
      .selectFrom('programme_areas as pa')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.code', '=', 'pa.area_code').on('a.vintage', '=', programme.vintage),
      )
      .select(['pa.area_code', 'a.name', 'a.level'])
      .where('pa.programme_id', '=', programmeId)
      .orderBy('pa.sort_order')
      .orderBy('pa.area_code')
      .execute(),
    db
      .selectFrom('targets')
      .select(['indicator_id', 'area_code'])
      .distinct()
      .where('programme_id', '=', programmeId)
      .orderBy('area_code')
      .execute(),
  ]);
  const nameOf = new Map(areas.map((a) => [a.area_code, a.name]));
  const lines: TemplateLine[] = [];
  for (const indicator of indicators) {
    const withTarget = targets
      .filter((t) => t.indicator_id === indicator.indicator_id)
      .map((t) => t.area_code);
    const atLevel = areas.filter((a) => a.level === indicator.level).map((a) => a.area_code);
    const codes =
      withTarget.length > 0 ? withTarget : atLevel.length > 0 ? atLevel : areas.map((a) => a.area_code);
    for (const code of codes) {
      lines.push({
        areaCode: code,
        areaName: nameOf.get(code) ?? null,
        indicatorId: indicator.indicator_id,
        indicatorName: indicator.name,
      });
    }
  }
  return lines;
}
