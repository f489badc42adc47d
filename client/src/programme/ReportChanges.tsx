import type { ReportBody } from '../../../schemas/reports.ts';
import { formatValue } from '../shared/format.ts';
import { toStatus } from '../shared/status.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { euro, halfYearLabel, INSPANNING_STATUS } from './planView.ts';

type Changes = NonNullable<ReportBody['veranderingen']>;
type Ref = NonNullable<ReportBody['vorige']>;

const day = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { dateStyle: 'long' });

/** "de vastgestelde rapportage 1e helft 2026 (versie 1 van 2 december 2026)" */
export const versionText = (ref: Ref) =>
  `de rapportage ${halfYearLabel(ref.periode)}, vastgesteld op ${day(ref.vastgesteldOp)} (versie ${ref.versie})`;

function Step({ step }: { step: Changes['inspanningen'][number]['van'] }) {
  if (!step) return <span className="muted">geen voortgang</span>;
  const style = INSPANNING_STATUS[step.status];
  return (
    <>
      <span aria-hidden="true">{style.icon}</span> {style.label} ({halfYearLabel(step.periode)})
      {step.toelichting && <span className="report-reference">{step.toelichting}</span>}
    </>
  );
}

/** What changed since the previous vastgestelde report: figures, statuses and inspanningen. */
export function ReportChanges({ vorige, changes }: { vorige: Ref; changes: Changes }) {
  const { waarden, statussen, inspanningen } = changes;
  const shown = (v: number | null, w: Changes['waarden'][number]) =>
    v === null ? '–' : formatValue(v, w.indicator.eenheid, w.indicator.decimalen);
  return (
    <section aria-labelledby="veranderd-titel" className="report-section">
      <h2 id="veranderd-titel">Wat is veranderd sinds {versionText(vorige)}</h2>
      {waarden.length + statussen.length + inspanningen.length === 0 && (
        <p>Niets: cijfers, statussen en inspanningen zijn gelijk aan die van toen.</p>
      )}
      {statussen.length > 0 && (
        <table className="data-table report-table">
          <caption>Statussen die veranderden ({statussen.length})</caption>
          <thead>
            <tr>
              <th scope="col">Resultaatrij</th>
              <th scope="col">Toen</th>
              <th scope="col">Nu</th>
            </tr>
          </thead>
          <tbody>
            {statussen.map((s) => (
              <tr key={`${s.indicator.id}|${s.gebied.code}|${s.horizon}|${s.lezing}`}>
                <th scope="row">
                  {s.indicator.naam}, {s.gebied.naam}
                  <span className="report-reference">
                    doel {s.horizon} jaar{s.lezing === 'plan' ? ', tegen het plangetal' : ''}
                  </span>
                </th>
                <td data-label="Toen">{s.van ? <StatusBadge status={toStatus(s.van)} /> : '–'}</td>
                <td data-label="Nu">{s.naar ? <StatusBadge status={toStatus(s.naar)} /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waarden.length > 0 && (
        <table className="data-table report-table">
          <caption>Cijfers die erbij kwamen, verdwenen of gecorrigeerd werden ({waarden.length})</caption>
          <thead>
            <tr>
              <th scope="col">Indicator en gebied</th>
              <th scope="col">Periode</th>
              <th scope="col">Toen</th>
              <th scope="col">Nu</th>
            </tr>
          </thead>
          <tbody>
            {waarden.map((w) => (
              <tr key={`${w.soort}|${w.indicator.id}|${w.gebied.code}|${w.periode}`}>
                <th scope="row">
                  {w.indicator.naam}, {w.gebied.naam}
                  {w.soort === 'volgen' && <span className="report-reference">volgen</span>}
                </th>
                <td data-label="Periode">{w.periode}</td>
                <td data-label="Toen">{shown(w.van, w)}</td>
                <td data-label="Nu">{shown(w.naar, w)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {inspanningen.length > 0 && (
        <table className="data-table report-table">
          <caption>Inspanningen met nieuwe voortgang of besteding ({inspanningen.length})</caption>
          <thead>
            <tr>
              <th scope="col">Inspanning</th>
              <th scope="col">Toen</th>
              <th scope="col">Nu</th>
            </tr>
          </thead>
          <tbody>
            {inspanningen.map((i) => (
              <tr key={i.code}>
                <th scope="row">
                  {i.code} {i.wat}
                </th>
                <td data-label="Toen">
                  <Step step={i.van} />
                  {i.besteedVan !== null && (
                    <span className="report-reference">besteed {euro(i.besteedVan)}</span>
                  )}
                </td>
                <td data-label="Nu">
                  <Step step={i.naar} />
                  {i.besteedNaar !== null && (
                    <span className="report-reference">besteed {euro(i.besteedNaar)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
