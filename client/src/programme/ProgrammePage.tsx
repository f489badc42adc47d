import { Fragment, useMemo } from 'react';
import { apiUrl, useApi } from '../shared/api.ts';
import { flattenTargets, type TargetProgress } from '../shared/model.ts';
import { useAreas, useIndicators, useProgramme, useProgrammeProgress } from '../shared/queries.ts';
import { Link, setQuery, useLocation } from '../shared/router.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { InspanningTable, names } from './InspanningTable.tsx';
import { Budget, Timeline } from './PlanTimeline.tsx';
import {
  type Doel,
  halfYearLabel,
  INSPANNING_STATUS,
  INSPANNING_STATUS_ORDER,
  type Plan,
} from './planView.ts';
import './programme.css';

/** The half year of today, as 2026-H2: the report to open when nothing is recorded yet. */
function currentHalfYear(): string {
  const now = new Date();
  return `${now.getFullYear()}-H${now.getMonth() < 6 ? 1 : 2}`;
}

function ResultRows({
  doel,
  targets,
  indicatorNames,
}: {
  doel: Doel;
  targets: TargetProgress[];
  indicatorNames: Map<string, string>;
}) {
  if (doel.indicatoren.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Resultaten</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Gebied</th>
            <th scope="col">Streefwaarde (plan)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {doel.indicatoren.map((indicator) => {
            const rows = targets.filter((t) => t.indicatorId === indicator);
            const name = indicatorNames.get(indicator) ?? indicator;
            if (rows.length === 0)
              return (
                <tr key={indicator}>
                  <th scope="row">{name}</th>
                  <td>—</td>
                  <td>volgen, geen streefwaarde</td>
                  <td>
                    <StatusBadge status="geen_streefwaarde" />
                  </td>
                </tr>
              );
            return rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.indicatorNaam}</th>
                <td>{row.gebiedNaam}</td>
                <td>
                  {row.planTekst ?? '—'} ({row.horizon} jaar{row.doeljaar ? `, ${row.doeljaar}` : ''})
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}

function DoelSection({
  doel,
  depth,
  plan,
  targets,
  indicatorNames,
}: {
  doel: Doel;
  depth: number;
  plan: Plan;
  targets: TargetProgress[];
  indicatorNames: Map<string, string>;
}) {
  const Heading = depth === 0 ? 'h2' : depth === 1 ? 'h3' : 'h4';
  const own = plan.inspanningen.filter((i) => i.doelen.includes(doel.code));
  return (
    <section className={`doel doel--${depth}`} aria-labelledby={`doel-${doel.id}`}>
      <Heading id={`doel-${doel.id}`}>
        <span className="doel__code">{doel.code}</span> {doel.titel}
      </Heading>
      {doel.omschrijving ? <p className="doel__text">{doel.omschrijving}</p> : null}
      <ResultRows doel={doel} targets={targets} indicatorNames={indicatorNames} />
      <InspanningTable caption={`Inspanningen bij ${doel.code}`} inspanningen={own} />
      {doel.subdoelen.map((sub) => (
        <DoelSection
          key={sub.id}
          doel={sub}
          depth={depth + 1}
          plan={plan}
          targets={targets}
          indicatorNames={indicatorNames}
        />
      ))}
    </section>
  );
}

export function ProgrammePage({ id }: { id: string }) {
  const { query } = useLocation();
  const partner = query.get('partner');
  const gebied = query.get('gebied');
  const periode = query.get('periode');
  const detail = useProgramme(id);
  const full = useApi<Plan>(apiUrl(`/programmas/${id}/plan`));
  const plan = useApi<Plan>(apiUrl(`/programmas/${id}/plan`, { partner, gebied, periode }));
  const progress = useProgrammeProgress(id);
  const indicators = useIndicators();
  const gemeente = detail.data?.gemeente ?? null;
  const vintage = detail.data?.indeling ?? null;
  const wijken = useAreas('wijk', gemeente, vintage);
  const buurten = useAreas('buurt', gemeente, vintage);
  const targets = useMemo(() => flattenTargets(progress.data?.streefwaarden ?? []), [progress.data]);
  const indicatorNames = useMemo(
    () => new Map((indicators.data ?? []).map((i) => [i.id, i.naam])),
    [indicators.data],
  );

  if (detail.error || plan.error)
    return (
      <section className="page">
        <h1>Programma niet gevonden</h1>
        <p>
          {(detail.error ?? plan.error)!.message} Ga naar het <Link href="/">dashboard</Link>.
        </p>
      </section>
    );
  if (!detail.data || !plan.data)
    return (
      <section className="page" aria-busy="true">
        <p>Programma laden …</p>
      </section>
    );
  const p = plan.data;
  const bestaand = p.inspanningen.filter((i) => i.soort === 'bestaand');
  const zonderDoel = p.inspanningen.filter((i) => i.soort === 'actie' && i.doelen.length === 0);
  const filtered = partner !== null || gebied !== null;

  return (
    <section className="page programme-page" aria-labelledby="programma-titel">
      <h1 id="programma-titel">{detail.data.naam}</h1>
      <p>{detail.data.omschrijving}</p>
      {detail.data.bronDocument ? <p className="muted">Bron: {detail.data.bronDocument}</p> : null}
      {p.ambitie ? <p className="programme-ambition">{p.ambitie}</p> : null}

      <form
        className="card programme-filter"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Filter inspanningen"
      >
        <div className="field">
          <label htmlFor="filter-partner">Wat doet mijn organisatie?</label>
          <select
            id="filter-partner"
            value={partner ?? ''}
            onChange={(e) => setQuery({ partner: e.target.value || null })}
          >
            <option value="">Alle organisaties</option>
            {(full.data?.organisaties ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.naam}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-gebied">Wat gebeurt er in mijn buurt?</label>
          <select
            id="filter-gebied"
            value={gebied ?? ''}
            onChange={(e) => setQuery({ gebied: e.target.value || null })}
          >
            <option value="">Alle gebieden</option>
            <optgroup label="Wijken">
              {(wijken.data ?? []).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.naam}
                </option>
              ))}
            </optgroup>
            <optgroup label="Buurten">
              {(buurten.data ?? []).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.naam}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {filtered ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setQuery({ partner: null, gebied: null })}
          >
            Alle inspanningen tonen
          </button>
        ) : null}
      </form>

      <section className="card" aria-labelledby="stand-titel">
        <h2 id="stand-titel">Stand van de inspanningen</h2>
        <p>
          {p.periode ? `Stand: ${halfYearLabel(p.periode)}.` : 'Er is nog geen voortgang vastgelegd.'}{' '}
          {p.inspanningen.length} inspanningen{filtered ? ' in deze selectie' : ''}.
        </p>
        <p>
          <Link href={`/programma/${id}/rapportage/${p.periode ?? currentHalfYear()}`}>
            Voortgangsrapportage {halfYearLabel(p.periode ?? currentHalfYear())}
          </Link>{' '}
          (om af te drukken, vast te stellen en eerdere vastgestelde te lezen)
        </p>
        <ul className="status-counts">
          {INSPANNING_STATUS_ORDER.map((status) => (
            <li key={status}>
              <span aria-hidden="true">{INSPANNING_STATUS[status].icon}</span>{' '}
              {INSPANNING_STATUS[status].label}: <strong>{p.statusTelling[status]}</strong>
            </li>
          ))}
          <li>
            Nog geen voortgang: <strong>{p.zonderVoortgang}</strong>
          </li>
        </ul>
        <details className="legend-details">
          <summary>Wat betekenen de statussen?</summary>
          <dl className="status-legend">
            {INSPANNING_STATUS_ORDER.map((status) => (
              <Fragment key={status}>
                <dt>
                  <span aria-hidden="true">{INSPANNING_STATUS[status].icon}</span>{' '}
                  {INSPANNING_STATUS[status].label}
                </dt>
                <dd>{INSPANNING_STATUS[status].description}</dd>
              </Fragment>
            ))}
          </dl>
        </details>
      </section>

      <section aria-labelledby="doelen-titel">
        <h2 id="doelen-titel" className="visually-hidden">
          Doelen
        </h2>
        <nav className="card doel-index" aria-label="Doelen">
          <p className="doel-index__title">Doelen</p>
          <ol>
            {p.doelen.map((d) => (
              <li key={d.id}>
                <a href={`#doel-${d.id}`}>
                  {d.code} {d.titel}
                </a>
                {d.subdoelen.length > 0 ? ` (${d.subdoelen.length} subdoelen)` : null}
              </li>
            ))}
          </ol>
        </nav>
        {p.doelen.map((d) => (
          <div className="card" key={d.id}>
            <DoelSection doel={d} depth={0} plan={p} targets={targets} indicatorNames={indicatorNames} />
          </div>
        ))}
      </section>

      {zonderDoel.length > 0 ? (
        <div className="card">
          <InspanningTable caption="Inspanningen zonder doel" inspanningen={zonderDoel} />
        </div>
      ) : null}

      <Timeline plan={p} />

      {bestaand.length > 0 ? (
        <section className="card" aria-labelledby="bestaand-titel">
          <h2 id="bestaand-titel">Activiteiten die er al zijn</h2>
          <ul className="existing-list">
            {bestaand.map((i) => (
              <li key={i.id}>
                {i.wat}
                {i.partners.length > 0 ? ` (${names(i.partners)})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Budget plan={p} />

      {p.monitoring.length > 0 ? (
        <section className="card" aria-labelledby="monitoring-titel">
          <h2 id="monitoring-titel">Monitoring</h2>
          <ul>
            {p.monitoring.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
