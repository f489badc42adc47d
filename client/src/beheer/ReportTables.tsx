import {
  type ChangedFigures,
  type ChangedRow,
  formatCount,
  type ImportReport,
  type RowError,
} from './beheerApi.ts';

/** Every bad row of a file: regel, kolom, melding; line 0 is the file as a whole. */
export function RowErrorTable({ rows, caption }: { rows: RowError[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table beheer-errors">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Regel
            </th>
            <th scope="col">Kolom</th>
            <th scope="col">Melding</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several messages; order is stable
            <tr key={index}>
              <td className="num">{row.regel === 0 ? 'bestand' : row.regel}</td>
              <td>{row.kolom ?? '—'}</td>
              <td>{row.melding}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** New, corrected and unchanged rows of a preview or a commit. */
export function ReportCounts({ report }: { report: ImportReport }) {
  return (
    <dl className="beheer-counts">
      <div>
        <dt>Regels</dt>
        <dd>{formatCount(report.regelsTotaal)}</dd>
      </div>
      <div>
        <dt>Nieuw</dt>
        <dd>{formatCount(report.nieuw)}</dd>
      </div>
      <div>
        <dt>Gecorrigeerd</dt>
        <dd>{formatCount(report.gecorrigeerd)}</dd>
      </div>
      <div>
        <dt>Ongewijzigd</dt>
        <dd>{formatCount(report.ongewijzigd)}</dd>
      </div>
    </dl>
  );
}

function figures(f: ChangedFigures): string {
  const number = (n: number | null) =>
    n === null ? '–' : n.toLocaleString('nl-NL', { maximumFractionDigits: 4 });
  const counts = f.teller !== null || f.noemer !== null ? ` (${number(f.teller)}/${number(f.noemer)})` : '';
  const flags = f.vlaggen.length > 0 ? ` [${f.vlaggen.join(', ')}]` : '';
  return `${number(f.waarde)}${counts}${flags}`;
}

/** The rows a preview would change: what is stored now and what the file brings. */
export function ChangesTable({ rows, total }: { rows: ChangedRow[]; total: number }) {
  return (
    <div className="table-scroll">
      <table className="data-table beheer-changes">
        <caption>
          Wijzigingen: {formatCount(total)} opgeslagen{' '}
          {total === 1 ? 'waarde verandert' : 'waarden veranderen'}
          {rows.length < total ? ` (de eerste ${formatCount(rows.length)} staan hier)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Regel
            </th>
            <th scope="col">Gebied</th>
            <th scope="col">Indicator</th>
            <th scope="col">Periode</th>
            <th scope="col">Nu opgeslagen</th>
            <th scope="col">Wordt</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.regel}|${row.gebied}|${row.indicator}|${row.periode}`}>
              <td className="num">{row.regel}</td>
              <td>{row.gebied}</td>
              <td>{row.indicator}</td>
              <td>{row.periode}</td>
              <td>{figures(row.oud)}</td>
              <td>
                <span aria-hidden="true">→ </span>
                {figures(row.nieuw)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
