import { useState } from 'react';
import type { AuditPageBody } from '../../../schemas/audit.ts';
import { formatDateTime } from './beheerApi.ts';
import { Pager } from './ImportsPage.tsx';
import { useBeheerData } from './useBeheerData.ts';

type AuditPageData = AuditPageBody;

const ENTITIES = [
  { value: '', label: 'Alles' },
  { value: 'streefwaarde', label: 'Streefwaarden' },
  { value: 'programma', label: 'Programma’s' },
  { value: 'imports', label: 'Imports' },
  { value: 'gebruiker', label: 'Gebruikers' },
  { value: 'programmarij', label: 'Rijen (verwante reeks)' },
];

const show = (value: unknown) =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** What changed between before and after, field by field; a create or delete shows every field. */
export function Changes({
  before,
  after,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    // The modification time always differs; it says nothing the Wanneer column does not.
    (key) =>
      key !== 'gewijzigd' &&
      (!before || !after || JSON.stringify(before[key]) !== JSON.stringify(after[key])),
  );
  if (keys.length === 0) return <span className="muted">geen verschil</span>;
  return (
    <ul className="plain-list beheer-changes">
      {keys.map((key) => (
        <li key={key}>
          <strong>{key}</strong>: {before && <del>{show(before[key])}</del>}
          {before && after && ' → '}
          {after && <ins>{show(after[key])}</ins>}
        </li>
      ))}
    </ul>
  );
}

/** The audit log with filters, pages and a CSV download of the same selection. */
export function AuditPage() {
  const [entity, setEntity] = useState('');
  const [user, setUser] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const filter = new URLSearchParams();
  if (entity) filter.set('entiteit', entity);
  if (/^\d{4}-\d{2}-\d{2}$/.test(from)) filter.set('van', from);
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) filter.set('tot', to);
  if (user.trim()) filter.set('gebruiker', user.trim().toLowerCase());
  const pageQuery = new URLSearchParams(filter);
  pageQuery.set('pagina', String(page));
  pageQuery.set('paginaGrootte', '50');
  const { data, error } = useBeheerData<AuditPageData>(`/beheer/audit?${pageQuery}`);

  return (
    <section aria-labelledby="audit-titel">
      <h1 id="audit-titel">Auditlog</h1>
      <p className="lead">
        Elke wijziging: wie, wanneer, en wat ervoor en erna stond. Niets verdwijnt zonder spoor.
      </p>
      <div className="controls">
        <label className="form-field">
          <span className="form-field__label">Soort</span>
          <select
            value={entity}
            onChange={(e) => {
              setEntity(e.target.value);
              setPage(1);
            }}
          >
            {ENTITIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="form-field__label">Gebruiker</span>
          <input
            type="text"
            value={user}
            onChange={(e) => {
              setUser(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <label className="form-field">
          <span className="form-field__label">Vanaf</span>
          <input
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <label className="form-field">
          <span className="form-field__label">Tot en met</span>
          <input
            type="date"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setPage(1);
            }}
          />
        </label>
        <a
          className="button button--secondary"
          href={`/api/v1/beheer/audit/export${filter.size ? `?${filter}` : ''}`}
          download
        >
          Download als CSV
        </a>
      </div>
      {error && <p className="notice notice--error">{error}</p>}
      {/* Narrow screens scroll the wide log sideways: the box takes focus so a keyboard can too. */}
      {data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        <section className="table-scroll card" tabIndex={0} aria-label="Auditlog, schuift opzij">
          <table className="data-table beheer-audit">
            <caption>
              {data.paginering.totaal === 1 ? '1 wijziging' : `${data.paginering.totaal} wijzigingen`},
              nieuwste eerst
            </caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Actie</th>
                <th scope="col">Wat</th>
                <th scope="col">Ervoor → erna</th>
              </tr>
            </thead>
            <tbody>
              {data.regels.map((line) => (
                <tr key={line.id}>
                  <td className="small nowrap">{formatDateTime(line.tijdstip)}</td>
                  <td>{line.gebruiker}</td>
                  <td>{line.actie}</td>
                  <td>
                    {line.entiteit} {line.entiteitId}
                  </td>
                  <td>
                    <Changes before={line.voor} after={line.na} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.paginering.pagina} pages={data.paginering.aantalPaginas} onPage={setPage} />
        </section>
      )}
    </section>
  );
}
