import { lazy, Suspense, useMemo } from 'react';
import { apiUrl, useApi } from '../shared/api.ts';
import { formatValue } from '../shared/format.ts';
import { flattenTargets, programmeBuurten, type TargetProgress } from '../shared/model.ts';
import { useIndicators, useProgramme, useProgrammeProgress } from '../shared/queries.ts';
import { Link } from '../shared/router.tsx';
import { STATUS_ORDER, STATUS_STYLES } from '../shared/status.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { InspanningStatusBadge } from './ProgrammePage.tsx';
import {
  budgetText,
  euro,
  halfYearLabel,
  INSPANNING_STATUS,
  INSPANNING_STATUS_ORDER,
  type Plan,
  periodText,
} from './planView.ts';
import './programme.css';

const MapPanel = lazy(() => import('../map/MapPanel.tsx').then((m) => ({ default: m.MapPanel })));

const value = (t: TargetProgress, v: number | null) =>
  v === null ? '–' : formatValue(v, t.eenheid, t.decimalen);

/** The plan's number, and for an "X% LV" target the reference area's current level beside it. */
function TargetText({ t }: { t: TargetProgress | undefined }) {
  if (!t) return <>–</>;
  const reference = t.referentieReeks.at(-1);
  return (
    <>
      <span className="report-plan">{t.planTekst ?? '–'}</span>
      {t.soort === 'referentieniveau' ? (
        <span className="report-reference">
          {' '}
          plan: {value(t, t.streefwaarde)}; {t.referentieNaam ?? t.referentiegebied} nu:{' '}
          {reference ? `${value(t, reference.waarde)} (${reference.jaar})` : 'geen cijfer'}
        </span>
      ) : null}
      <br />
      <StatusBadge status={t.status} />
    </>
  );
}

/** The council report (voortgangsrapportage) of a programme for one half year, made to print on A4. */
export function ReportPage({ id, periode }: { id: string; periode: string }) {
  const detail = useProgramme(id);
  const plan = useApi<Plan>(apiUrl(`/programmas/${id}/plan`, { periode }));
  const progress = useProgrammeProgress(id);
  const indicators = useIndicators();
  const rows = useMemo(() => flattenTargets(progress.data?.streefwaarden ?? []), [progress.data]);
  const printed = useMemo(() => new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' }), []);

  if (detail.error || plan.error)
    return (
      <section className="page">
        <h1>Rapportage niet gevonden</h1>
        <p>{(detail.error ?? plan.error)!.message}</p>
      </section>
    );
  if (!detail.data || !plan.data || !progress.data || !indicators.data)
    return (
      <section className="page" aria-busy="true">
        <p>Rapportage laden …</p>
      </section>
    );
  const d = detail.data;
  const p = plan.data;
  const byKey = new Map<string, TargetProgress[]>();
  for (const row of rows) {
    const key = `${row.indicatorId}|${row.gebiedCode}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const dataYear = Math.max(0, ...rows.flatMap((r) => (r.laatsteJaar === null ? [] : [r.laatsteJaar])));
  const recorded = p.inspanningen
    .flatMap((i) => (i.laatsteVoortgang ? [i.laatsteVoortgang.vastgelegd] : []))
    .sort()
    .at(-1);
  const countsPerHorizon = (horizon: number) =>
    STATUS_ORDER.map(
      (s) => [s, rows.filter((r) => r.horizon === horizon && r.status === s).length] as const,
    ).filter(([, n]) => n > 0);
  const mapIndicator = indicators.data.find((i) => i.id === rows[0]?.indicatorId);
  const outline = programmeBuurten(d, []);
  const acties = p.inspanningen.filter((i) => i.soort === 'actie');
  const sources = [
    ...new Set(rows.map((r) => indicators.data!.find((i) => i.id === r.indicatorId)?.bron).filter(Boolean)),
  ];

  return (
    <article className="page report" aria-labelledby="rapport-titel">
      <header className="report-header">
        <p className="eyebrow">Voortgangsrapportage</p>
        <h1 id="rapport-titel">
          {d.naam} — {halfYearLabel(periode)}
        </h1>
        <dl className="report-facts">
          <dt>Periode</dt>
          <dd>{halfYearLabel(periode)}</dd>
          <dt>Gegevens</dt>
          <dd>
            cijfers tot en met {dataYear || '–'}; voortgang inspanningen{' '}
            {recorded
              ? `vastgelegd tot ${new Date(recorded).toLocaleDateString('nl-NL')}`
              : 'nog niet vastgelegd'}
          </dd>
          <dt>Afgedrukt</dt>
          <dd>{printed}</dd>
        </dl>
        <p className="no-print">
          <Link href={`/programma/${id}`}>Terug naar het programma</Link> · Druk af met Ctrl+P (A4).
        </p>
      </header>

      <section aria-labelledby="samenvatting-titel" className="report-section">
        <h2 id="samenvatting-titel">Samenvatting</h2>
        {rows.length > 0 ? (
          <ul>
            {[10, 20].map((h) => (
              <li key={h}>
                Resultaatrijen, doel {h} jaar:{' '}
                {countsPerHorizon(h)
                  .map(([s, n]) => `${n} ${STATUS_STYLES[s].label.toLowerCase()}`)
                  .join(', ')}
              </li>
            ))}
          </ul>
        ) : (
          <p>Dit programma heeft geen streefcijfers; de resultaatrijen worden gevolgd.</p>
        )}
        <p>
          Inspanningen ({acties.length}):{' '}
          {INSPANNING_STATUS_ORDER.map(
            (s) =>
              `${acties.filter((i) => i.laatsteVoortgang?.status === s).length} ${INSPANNING_STATUS[s].label.toLowerCase()}`,
          ).join(', ')}
          , {acties.filter((i) => !i.laatsteVoortgang).length} nog zonder voortgang.
        </p>
      </section>

      {rows.length > 0 ? (
        <section aria-labelledby="resultaten-titel" className="report-section">
          <h2 id="resultaten-titel">Resultaten</h2>
          <table className="data-table report-table">
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
                    <td>
                      {value(first, first.basisWaarde)} {first.basisJaar ? `(${first.basisJaar})` : ''}
                    </td>
                    <td>
                      {first.laatsteGeheim ? 'geheim / te klein' : value(first, first.laatsteWaarde)}{' '}
                      {first.laatsteJaar ? `(${first.laatsteJaar})` : ''}
                    </td>
                    <td>
                      <TargetText t={list.find((r) => r.horizon === 10)} />
                    </td>
                    <td>
                      <TargetText t={list.find((r) => r.horizon === 20)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}

      {mapIndicator ? (
        <figure className="report-map" aria-label={`Kaart: ${mapIndicator.naam}`}>
          <Suspense fallback={<p>Kaart laden …</p>}>
            <MapPanel
              indicator={mapIndicator}
              periode={String(dataYear || d.startjaar)}
              horizon={10}
              mode="voortgang"
              niveau="buurt"
              gemeente={d.gemeente}
              indeling={d.indeling}
              outline={outline}
              selected={null}
              onSelect={() => {}}
            />
          </Suspense>
          <figcaption>
            {mapIndicator.naam}, status voor doel 10 jaar per buurt; gestippelde rand: programmagebied. De
            tabel hierboven geeft dezelfde cijfers.
          </figcaption>
        </figure>
      ) : null}

      <section aria-labelledby="inspanningen-rapport-titel" className="report-section">
        <h2 id="inspanningen-rapport-titel">Inspanningen</h2>
        <table className="data-table report-table">
          <caption>
            Status in {halfYearLabel(periode)}, toelichting en middelen (plan tegenover besteed)
          </caption>
          <thead>
            <tr>
              <th scope="col">Inspanning</th>
              <th scope="col">Status</th>
              <th scope="col">Toelichting</th>
              <th scope="col">Middelen (plan)</th>
              <th scope="col">Besteed</th>
            </tr>
          </thead>
          <tbody>
            {acties.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.code} {i.wat}
                  <br />
                  <span className="muted">{periodText(i)}</span>
                </th>
                <td>
                  <InspanningStatusBadge inspanning={i} />
                </td>
                <td>{i.laatsteVoortgang?.toelichting ?? '–'}</td>
                <td>{budgetText(i)}</td>
                <td>{i.besteedTotaal === null ? '–' : euro(i.besteedTotaal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="legenda-titel" className="report-section report-legend">
        <h2 id="legenda-titel">Legenda</h2>
        <h3>Resultaatrijen</h3>
        <dl className="status-legend">
          {STATUS_ORDER.map((s) => (
            <div key={s} className="status-legend__row">
              <dt>
                <StatusBadge status={s} />
              </dt>
              <dd>{STATUS_STYLES[s].description}</dd>
            </div>
          ))}
        </dl>
        <h3>Inspanningen</h3>
        <dl className="status-legend">
          {INSPANNING_STATUS_ORDER.map((s) => (
            <div key={s} className="status-legend__row">
              <dt>
                <span aria-hidden="true">{INSPANNING_STATUS[s].icon}</span> {INSPANNING_STATUS[s].label}
              </dt>
              <dd>{INSPANNING_STATUS[s].description}</dd>
            </div>
          ))}
        </dl>
      </section>

      {rows.length > 0 ? (
        <section aria-labelledby="hoe-titel" className="report-section">
          <h2 id="hoe-titel">Hoe berekend</h2>
          {rows.map((r) => (
            <div key={r.key} className="report-how">
              <h3>
                {r.indicatorNaam}, {r.gebiedNaam}, doel {r.horizon} jaar
              </h3>
              <p>{r.uitleg.join(' ')}</p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="bronnen-titel" className="report-section">
        <h2 id="bronnen-titel">Bronnen</h2>
        <ul>
          {d.bronDocument ? <li>{d.bronDocument}</li> : null}
          {sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
          <li>Voortgang inspanningen: halfjaarlijkse vastlegging in buurtpeil.</li>
        </ul>
      </section>
    </article>
  );
}
