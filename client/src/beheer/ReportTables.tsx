import { formatCount, type ImportReport, type RowError } from './beheerApi.ts';

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
