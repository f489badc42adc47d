import type { ReportBody } from '../../schemas/reports.ts';

/**
 * The newest figure a report uses: the result rows' own series, their reference area's series and
 * related series, and the volgen rows (the area itself, wijk, gemeente, Nederland). Suppressed and
 * empty values do not count: the report does not use them.
 */
export function newestData(voortgang: ReportBody['voortgang']): ReportBody['gegevensTot'] {
  let newest: { jaar: number; periode: string } | null = null;
  const see = (jaar: number, periode = String(jaar)) => {
    if (!newest || jaar > newest.jaar || (jaar === newest.jaar && periode > newest.periode))
      newest = { jaar, periode };
  };
  for (const t of voortgang.streefwaarden) {
    for (const o of [...t.reeks, ...(t.referentie?.reeks ?? [])])
      if (o.waarde !== null && !o.geheim) see(o.jaar, o.periode);
    for (const p of t.verwant?.punten ?? []) see(p.jaar);
  }
  for (const v of voortgang.volgen)
    for (const g of v.gebieden)
      for (const p of [g.laatste, g.wijk, g.gemeente, g.nederland]) if (p) see(p.jaar);
  const found = newest as { jaar: number; periode: string } | null;
  return { jaar: found?.jaar ?? null, periode: found?.periode ?? null };
}
