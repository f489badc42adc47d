import { lazy, Suspense, useMemo } from 'react';
import type { ReportBody } from '../../../schemas/reports.ts';
import { VolgenSection } from '../dashboard/VolgenSection.tsx';
import { apiUrl, useApi } from '../shared/api.ts';
import { flattenTargets, programmeBuurten, type TargetProgress } from '../shared/model.ts';
import { useIndicators, useProgramme } from '../shared/queries.ts';
import { Link } from '../shared/router.tsx';
import { STATUS_ORDER, STATUS_STYLES } from '../shared/status.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { InspanningStatusBadge } from './InspanningTable.tsx';
import {
  budgetText,
  euro,
  halfYearLabel,
  INSPANNING_STATUS,
  INSPANNING_STATUS_ORDER,
  periodText,
} from './planView.ts';
import { ReportChanges, versionText } from './ReportChanges.tsx';
import { ReportResults } from './ReportResults.tsx';
import { ReportVaststellen } from './ReportVaststellen.tsx';
import './programme.css';

const MapPanel = lazy(() => import('../map/MapPanel.tsx').then((m) => ({ default: m.MapPanel })));

const longDate = (iso: string) => new Date(iso).toLocaleDateString('nl-NL', { dateStyle: 'long' });

interface MapChoice {
  indicatorId: string;
  year: number;
  /** Set when the map shows a related series instead of a result row's own figures. */
  related: string | null;
}

/**
 * What the report's map shows: the first result row with its own figures after the baseline (its
 * newest year); else the first related series with figures per buurt, labelled as such; else none.
 * A map of baselines from the plan would be all "geen gegevens".
 */
function chooseMap(rows: TargetProgress[]): MapChoice | null {
  const own = rows.find((t) => t.laatsteJaar !== null && t.basisJaar !== null && t.laatsteJaar > t.basisJaar);
  if (own) {
    const years = rows.flatMap((t) =>
      t.indicatorId === own.indicatorId && t.laatsteJaar ? [t.laatsteJaar] : [],
    );
    return { indicatorId: own.indicatorId, year: Math.max(...years), related: null };
  }
  const related = rows.find((t) => t.verwant?.gebied.niveau === 'buurt');
  if (related?.verwant)
    return {
      indicatorId: related.verwant.indicator.id,
      year: related.verwant.laatste.jaar,
      related: related.indicatorNaam,
    };
  return null;
}

/** The map of the live report, fitted to the programme area. */
function ReportMap({ id, choice }: { id: string; choice: MapChoice }) {
  const detail = useProgramme(id);
  const indicators = useIndicators();
  const indicator = indicators.data?.find((i) => i.id === choice.indicatorId);
  if (!detail.data || !indicator) return null;
  const outline = programmeBuurten(detail.data, []);
  return (
    <figure className="report-map" aria-label={`Kaart: ${indicator.naam}`}>
      <figcaption>
        {indicator.naam} per buurt in {choice.year}, ingezoomd op het programmagebied (gestippelde rand).
        {choice.related
          ? ` De resultaatrijen hebben nog geen buurtcijfers na hun basiswaarde; dit is de verwante reeks bij “${choice.related}”: een andere definitie, gelezen als richting, nooit als status.`
          : ' De status per doel staat in de tabel Resultaten.'}
      </figcaption>
      <Suspense fallback={<p>Kaart laden …</p>}>
        <MapPanel
          indicator={indicator}
          periode={String(choice.year)}
          horizon={10}
          mode="waarde"
          niveau="buurt"
          gemeente={detail.data.gemeente}
          indeling={detail.data.indeling}
          outline={outline}
          fitTo={outline}
          selected={null}
          onSelect={() => {}}
        />
      </Suspense>
    </figure>
  );
}

/**
 * The council report (voortgangsrapportage) of a programme for one half year, made to print on A4:
 * the live one (the figures of now) or, with `versie`, a vastgestelde version exactly as stored.
 */
export function ReportPage({ id, periode, versie }: { id: string; periode: string; versie?: number }) {
  const path = `/programmas/${id}/rapportages/${periode}${versie ? `/vastgesteld/${versie}` : ''}`;
  const report = useApi<ReportBody>(apiUrl(path));
  const rows = useMemo(() => flattenTargets(report.data?.voortgang.streefwaarden ?? []), [report.data]);
  const printed = useMemo(() => new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' }), []);

  if (report.error)
    return (
      <section className="page">
        <h1>Rapportage niet gevonden</h1>
        <p>{report.error.message}</p>
        <p>
          <Link href={`/programma/${id}`}>Naar het programma</Link>
        </p>
      </section>
    );
  if (!report.data)
    return (
      <section className="page" aria-busy="true">
        <p>Rapportage laden …</p>
      </section>
    );
  const r = report.data;
  const p = r.plan;
  const programme = r.voortgang.programma;
  const countsPerHorizon = (horizon: number) =>
    STATUS_ORDER.map(
      (s) => [s, rows.filter((t) => t.horizon === horizon && t.status === s).length] as const,
    ).filter(([, n]) => n > 0);
  const mapChoice = chooseMap(rows);
  const acties = p.inspanningen.filter((i) => i.soort === 'actie');
  const sources = [
    ...new Set([
      ...r.voortgang.streefwaarden.map((t) => t.indicator.bron),
      ...r.voortgang.streefwaarden.flatMap((t) => t.verwant?.bronnen ?? []),
      ...r.voortgang.volgen.flatMap((v) => v.bronnen),
    ]),
  ].filter(Boolean);

  return (
    <article className="page report" aria-labelledby="rapport-titel">
      <header className="report-header">
        <p className="eyebrow">Voortgangsrapportage{r.vastgesteld ? ' · vastgesteld' : ''}</p>
        <h1 id="rapport-titel">
          {r.naam} — {halfYearLabel(periode)}
        </h1>
        <dl className="report-facts">
          <dt>Periode</dt>
          <dd>{halfYearLabel(periode)}</dd>
          <dt>Gegevens</dt>
          <dd>
            nieuwste cijfer in deze rapportage: {r.gegevensTot.periode ?? '–'}; voortgang inspanningen{' '}
            {r.voortgangTot ? `vastgelegd tot ${longDate(r.voortgangTot)}` : 'nog niet vastgelegd'}
          </dd>
          <dt>Stand</dt>
          <dd>
            {r.vastgesteld
              ? `Vastgesteld op ${longDate(r.vastgesteld.vastgesteldOp)} (versie ${r.vastgesteld.versie}); latere correcties veranderen deze versie niet.`
              : 'Niet vastgesteld: de cijfers en voortgang van nu.'}
          </dd>
          <dt>Afgedrukt</dt>
          <dd>{printed}</dd>
        </dl>
        <p className="no-print">
          <Link href={`/programma/${id}`}>Terug naar het programma</Link>
          {r.vastgesteld && (
            <>
              {' '}
              ·{' '}
              <Link href={`/programma/${id}/rapportage/${periode}`}>De rapportage met de cijfers van nu</Link>
            </>
          )}{' '}
          · Druk af met Ctrl+P (A4).
        </p>
        {!r.vastgesteld && <ReportVaststellen id={id} periode={periode} />}
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

      {r.vorige && r.veranderingen && <ReportChanges vorige={r.vorige} changes={r.veranderingen} />}

      {rows.length > 0 && <ReportResults rows={rows} />}

      {r.vastgesteld ? (
        <p className="report-section">
          Een vastgestelde rapportage heeft geen kaart: een kaart toont altijd de cijfers van nu. De tabel
          Resultaten geeft de cijfers zoals ze werden vastgesteld.
        </p>
      ) : (
        mapChoice && <ReportMap id={id} choice={mapChoice} />
      )}

      <VolgenSection volgen={r.voortgang.volgen} />

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
                <td data-label="Status">
                  <InspanningStatusBadge inspanning={i} />
                </td>
                <td data-label="Toelichting">{i.laatsteVoortgang?.toelichting ?? '–'}</td>
                <td data-label="Middelen (plan)">{budgetText(i)}</td>
                <td data-label="Besteed">{i.besteedTotaal === null ? '–' : euro(i.besteedTotaal)}</td>
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
        <p>
          Bij een doel “X% LV” staan twee lezingen: tegen het niveau van het referentiegebied nu (het doel
          beweegt mee) en tegen het vaste plangetal.
        </p>
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

      {rows.length > 0 && (
        <section aria-labelledby="hoe-titel" className="report-section">
          <h2 id="hoe-titel">Hoe berekend</h2>
          {rows.map((t) => (
            <div key={t.key} className="report-how">
              <h3>
                {t.indicatorNaam}, {t.gebiedNaam}, doel {t.horizon} jaar
              </h3>
              <p>{t.uitleg.join(' ')}</p>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="bronnen-titel" className="report-section">
        <h2 id="bronnen-titel">Bronnen</h2>
        <ul>
          {programme.bronDocument ? <li>{programme.bronDocument}</li> : null}
          {sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
          <li>Voortgang inspanningen: halfjaarlijkse vastlegging in buurtpeil.</li>
          {r.vastgesteld && <li>Deze versie: {versionText(r.vastgesteld)}.</li>}
        </ul>
      </section>
    </article>
  );
}
