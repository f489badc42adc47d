import { formatValue } from '../shared/format.ts';
import type { TargetProgress } from '../shared/model.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';

const value = (t: TargetProgress, v: number | null) =>
  v === null ? '–' : formatValue(v, t.eenheid, t.decimalen);

/**
 * The plan's text and status; for an "X% LV" target the plan's number with the reference area's
 * current level beside it, and both readings printed separately: against that level (the
 * moving target) and against the plan's fixed number.
 */
function TargetCell({ t }: { t: TargetProgress | undefined }) {
  if (!t) return <>–</>;
  if (t.soort !== 'referentieniveau')
    return (
      <>
        <span className="report-plan">{t.planTekst ?? value(t, t.streefwaarde)}</span>
        <br />
        <StatusBadge status={t.status} />
      </>
    );
  const area = t.referentieNaam ?? t.referentiegebied ?? 'referentiegebied';
  return (
    <>
      <span className="report-plan">{t.planTekst ?? '–'}</span>
      <span className="report-reference">
        Plangetal {value(t, t.streefwaarde)}; {area} nu:{' '}
        {t.referentieNu === null ? 'geen cijfer' : `${value(t, t.referentieNu)} (${t.referentieJaar})`}
      </span>
      <span className="report-reading">
        Tegen het niveau van {area} nu: <StatusBadge status={t.status} />
      </span>
      <span className="report-reading">
        Tegen het plangetal: {t.planStatus ? <StatusBadge status={t.planStatus} /> : '–'}
      </span>
    </>
  );
}

/** Every result row with both horizons and the plan's text. */
export function ReportResults({ rows }: { rows: TargetProgress[] }) {
  const byKey = new Map<string, TargetProgress[]>();
  for (const row of rows) {
    const key = `${row.indicatorId}|${row.gebiedCode}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return (
    <section aria-labelledby="resultaten-titel" className="report-section">
      <h2 id="resultaten-titel">Resultaten</h2>
      <table className="data-table report-table report-results">
        <caption>Elke resultaatrij met beide horizonnen en de tekst uit het plan</caption>
        <thead>
          <tr>
            <th scope="col">Indicator en gebied</th>
            <th scope="col">Basis</th>
            <th scope="col">Laatste</th>
            <th scope="col">Doel 10 jaar</th>
            <th scope="col">Doel 20 jaar</th>
          </tr>
        </thead>
        <tbody>
          {[...byKey.values()].map((list) => {
            const first = list[0]!;
            return (
              <tr key={`${first.indicatorId}|${first.gebiedCode}`}>
                <th scope="row">
                  {first.indicatorNaam}
                  <br />
                  <span className="muted">{first.gebiedNaam}</span>
                </th>
                <td data-label="Basis">
                  {value(first, first.basisWaarde)}{' '}
                  {first.basisPeriode
                    ? `(${first.basisPeriode.label})`
                    : first.basisJaar
                      ? `(${first.basisJaar})`
                      : ''}
                </td>
                <td data-label="Laatste">
                  {first.laatsteGeheim ? 'geheim / te klein' : value(first, first.laatsteWaarde)}{' '}
                  {first.laatsteJaar ? `(${first.laatsteJaar})` : ''}
                  {first.verwant && (
                    <span className="report-reference">
                      Verwante reeks (andere definitie, geen status): {first.verwant.indicator.naam}{' '}
                      {formatValue(
                        first.verwant.eerste.waarde,
                        first.verwant.indicator.eenheid,
                        first.verwant.indicator.decimalen,
                      )}{' '}
                      ({first.verwant.eerste.jaar}) →{' '}
                      {formatValue(
                        first.verwant.laatste.waarde,
                        first.verwant.indicator.eenheid,
                        first.verwant.indicator.decimalen,
                      )}{' '}
                      ({first.verwant.laatste.jaar}), {first.verwant.richting}
                    </span>
                  )}
                </td>
                <td data-label="Doel 10 jaar">
                  <TargetCell t={list.find((r) => r.horizon === 10)} />
                </td>
                <td data-label="Doel 20 jaar">
                  <TargetCell t={list.find((r) => r.horizon === 20)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
