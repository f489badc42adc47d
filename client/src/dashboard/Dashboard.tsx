import { lazy, Suspense, useEffect, useMemo } from 'react';
import { formatNumber, formatValue } from '../shared/format.ts';
import { flattenTargets, type Indicator, programmeBuurten, type TargetProgress } from '../shared/model.ts';
import {
  DEFAULT_GEMEENTE,
  switchIndicator,
  useAreas,
  useAvailablePeriods,
  useIndicators,
  useProgramme,
  useProgrammeProgress,
  useProgrammes,
} from '../shared/queries.ts';
import { Link, setQuery, useLocation } from '../shared/router.tsx';
import { Sparkline } from '../ui/Sparkline.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { byIndicator, type ScorecardRow, scorecardRows } from './programmeRows.ts';
import { VolgenSection } from './VolgenSection.tsx';

// The map (and MapLibre behind it) loads after the scorecard, never in its way.
const MapPanel = lazy(() => import('../map/MapPanel.tsx').then((m) => ({ default: m.MapPanel })));

function TargetCell({ t }: { t: TargetProgress | undefined }) {
  if (!t) return <td className="muted">–</td>;
  return (
    <td>
      <span className="target__value">
        {t.streefwaarde != null
          ? formatValue(t.streefwaarde, t.eenheid, t.decimalen)
          : t.soort === 'richting'
            ? 'richting'
            : '–'}
        {t.soort === 'referentieniveau' && t.streefwaarde != null && (
          <span className="target__kind"> plangetal</span>
        )}
      </span>
      {t.soort === 'referentieniveau' && (
        <span className="target__reference">
          {t.referentieNu != null
            ? `niveau ${t.referentieNaam ?? 'referentiegebied'} ${formatValue(t.referentieNu, t.eenheid, t.decimalen)} (${t.referentieJaar})`
            : `niveau ${t.referentieNaam ?? 'referentiegebied'}: nog onbekend`}
        </span>
      )}
      {t.planTekst && <span className="target__plan">plan: “{t.planTekst}”</span>}
      {t.doeljaar && <span className="target__year">in {t.doeljaar}</span>}
    </td>
  );
}

const DIRECTION_WORDS = { gunstig: '↗ gunstig', ongunstig: '↘ ongunstig', gelijk: '→ gelijk' } as const;

/** "Verwante reeks": plainly another definition, its direction with first and last year and value. */
function RelatedReading({ related }: { related: NonNullable<ScorecardRow['any']['verwant']> }) {
  const value = (v: number) => formatValue(v, related.indicator.eenheid, related.indicator.decimalen);
  const where =
    related.basis === 'zelfde gebied' ? related.gebied.naam : `${related.basis}: ${related.gebied.naam}`;
  return (
    <div className="related">
      <span className="related__label">Verwante reeks (andere definitie)</span>{' '}
      <span className="related__name">
        {related.indicator.naam}, {where}
      </span>
      <span className={`related__direction related__direction--${related.richting}`}>
        {DIRECTION_WORDS[related.richting]}: {value(related.eerste.waarde)} ({related.eerste.jaar}) →{' '}
        {value(related.laatste.waarde)} ({related.laatste.jaar})
      </span>
      <details className="related__how">
        <summary>
          Hoe gelezen<span className="visually-hidden"> (verwante reeks {related.indicator.naam})</span>
        </summary>
        <p>{related.uitleg}</p>
        <p>Richting: {related.reden}.</p>
        <p>Bron: {related.bronnen.join('; ')}</p>
      </details>
    </div>
  );
}

function ScoreRow({ row, horizon }: { row: ScorecardRow; horizon: 10 | 20 }) {
  const t = row.horizons[horizon] ?? row.any;
  const a = row.any;
  return (
    <tr>
      <th scope="row">
        <Link href={`/gebied/${row.gebiedCode}`}>{row.gebiedNaam}</Link>
      </th>
      <td className="num">
        {formatValue(a.basisWaarde, a.eenheid, a.decimalen)}
        {a.basisPeriode ? (
          <span className="cell-note">
            {' '}
            ({a.basisPeriode.label})
            {a.basisPeriode.perJaar != null && (
              <span className="cell-note--block">{formatNumber(a.basisPeriode.perJaar, 1)} per jaar</span>
            )}
          </span>
        ) : (
          a.basisJaar && <span className="cell-note"> ({a.basisJaar})</span>
        )}
      </td>
      <td className="num">
        {formatValue(a.laatsteWaarde, a.eenheid, a.decimalen)}
        {a.laatsteJaar && <span className="cell-note"> ({a.laatsteJaar})</span>}
      </td>
      <TargetCell t={row.horizons[10]} />
      <TargetCell t={row.horizons[20]} />
      <td>
        <StatusBadge status={t.status} />
        {a.verwant && <RelatedReading related={a.verwant} />}
        {t.soort === 'referentieniveau' && (
          <span className="status-note">
            {t.beoordeeldJaar != null && t.beoordeeldJaar !== a.laatsteJaar
              ? `beoordeeld op ${t.beoordeeldJaar}, het laatste jaar met een waarde van ${t.referentieNaam ?? 'het referentiegebied'}. `
              : ''}
            {t.planStatus &&
              (t.planStatus === t.status ? (
                'Tegen het plangetal: hetzelfde.'
              ) : (
                <>
                  Tegen het plangetal: <StatusBadge status={t.planStatus} />
                </>
              ))}
          </span>
        )}
        <Link className="how-link" href={`/gebied/${row.gebiedCode}#indicator-${row.indicatorId}`}>
          Hoe berekend
          <span className="visually-hidden">
            {' '}
            voor {row.indicatorNaam}, {row.gebiedNaam}
          </span>
        </Link>
      </td>
      <td>
        <Sparkline
          points={a.reeks}
          target={t.streefwaarde}
          label={`Verloop ${row.indicatorNaam} in ${row.gebiedNaam}: ${a.reeks.map((p) => `${p.jaar} ${formatValue(p.waarde, a.eenheid, a.decimalen)}`).join(', ') || 'geen metingen'}`}
        />
      </td>
    </tr>
  );
}

/** The home page: the programme's scorecard and its map. */
export function Dashboard() {
  const { query } = useLocation();
  const programmes = useProgrammes();
  const programme =
    programmes.data?.find((p) => p.id === query.get('programma')) ??
    programmes.data?.find((p) => p.gemeente === DEFAULT_GEMEENTE) ??
    programmes.data?.[0];
  const indicators = useIndicators();
  const indicatorMap = useMemo(
    () => new Map((indicators.data ?? []).map((i) => [i.id, i] as [string, Indicator])),
    [indicators.data],
  );
  const detail = useProgramme(programme?.id);
  const progress = useProgrammeProgress(programme?.id);
  const targets = useMemo(() => flattenTargets(progress.data?.streefwaarden ?? []), [progress.data]);
  const rows = useMemo(() => scorecardRows(targets), [targets]);
  const horizon: 10 | 20 = query.get('horizon') === '20' ? 20 : 10;
  const gemeente = programme?.gemeente || DEFAULT_GEMEENTE;
  const indeling = programme?.indeling ?? null;
  const buurten = useAreas('buurt', gemeente, indeling);
  const outline = useMemo(
    () =>
      programmeBuurten(
        detail.data,
        (buurten.data ?? []).map((b) => b.code),
      ),
    [detail.data, buurten.data],
  );
  const targetIndicators = [...new Set(rows.map((r) => r.indicatorId))];
  const mapIndicatorId = query.get('indicator') ?? targetIndicators[0] ?? indicators.data?.[0]?.id;
  const mapIndicator = mapIndicatorId ? indicatorMap.get(mapIndicatorId) : undefined;
  const available = useAvailablePeriods(mapIndicatorId, 'buurt');
  const periode = query.get('periode') ?? available.data?.at(-1) ?? (available.loading ? null : '2024');

  useEffect(() => {
    document.title = `${programme?.naam ?? 'Dashboard'} · buurtpeil`;
  }, [programme]);

  if (programmes.error) {
    return (
      <section className="page">
        <h1>Dashboard</h1>
        <p className="notice notice--error" role="alert">
          De programma’s konden niet worden geladen: {programmes.error.message}
        </p>
      </section>
    );
  }
  if (programmes.data && !programme) {
    return (
      <section className="page">
        <h1>Dashboard</h1>
        <p className="notice">Er is nog geen programma geladen. Een beheerder kan dat doen onder Beheer.</p>
      </section>
    );
  }

  return (
    <section className="page page--wide dashboard" aria-labelledby="dashboard-titel">
      <div className="page-head">
        <div>
          <p className="eyebrow">Programma · {programme?.gemeenteNaam ?? gemeente}</p>
          <h1 id="dashboard-titel">{programme?.naam ?? 'Programma laden…'}</h1>
          {programme?.omschrijving && <p className="lead">{programme.omschrijving}</p>}
          {programme && (
            <p className="facts">
              Looptijd {programme.startjaar}–{programme.startjaar + programme.horizonJaren} · doelen voor{' '}
              {programme.startjaar + 10} (10 jaar) en {programme.startjaar + 20} (20 jaar) · referentiegebied{' '}
              {programme.referentiegebiedNaam ?? programme.referentiegebied}
            </p>
          )}
          {programme && (
            <p className="no-print">
              <Link href={`/programma/${programme.id}`}>Doelen en inspanningen van {programme.naam}</Link>
            </p>
          )}
        </div>
        <fieldset className="segmented no-print">
          <legend className="field__label">Status voor horizon</legend>
          {[10, 20].map((h) => (
            <label key={h}>
              <input
                type="radio"
                name="dashboard-horizon"
                checked={horizon === h}
                onChange={() => setQuery({ horizon: h })}
              />
              {h} jaar
            </label>
          ))}
        </fieldset>
      </div>

      <section aria-labelledby="scorekaart-titel" className="card">
        <h2 id="scorekaart-titel">Doelen en voortgang</h2>
        {progress.error && (
          <p className="notice notice--error" role="alert">
            De voortgang kon niet worden berekend: {progress.error.message}
          </p>
        )}
        {progress.loading && rows.length === 0 && <p className="loading">Voortgang laden…</p>}
        {byIndicator(rows).map((group) => {
          const indicator = indicatorMap.get(group.indicatorId);
          return (
            <div className="scorecard-group" key={group.indicatorId}>
              <div className="table-scroll">
                <table className="data-table scorecard">
                  <caption>
                    <span className="scorecard__indicator">{group.naam}</span>
                    {indicator?.definitie && (
                      <span className="scorecard__definition">{indicator.definitie}</span>
                    )}
                  </caption>
                  <colgroup>
                    <col style={{ width: '17%' }} />
                    <col style={{ width: '11%' }} />
                    <col style={{ width: '11%' }} />
                    <col style={{ width: '14%' }} />
                    <col style={{ width: '14%' }} />
                    <col style={{ width: '21%' }} />
                    <col style={{ width: '12%' }} />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">Gebied</th>
                      <th scope="col" className="num">
                        Basis
                      </th>
                      <th scope="col" className="num">
                        Laatste
                      </th>
                      <th scope="col">Doel 10 jaar</th>
                      <th scope="col">Doel 20 jaar</th>
                      <th scope="col">Status ({horizon} jaar)</th>
                      <th scope="col">Verloop</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.rows.map((row) => (
                      <ScoreRow key={row.key} row={row} horizon={horizon} />
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          );
        })}
      </section>

      {progress.data && <VolgenSection volgen={progress.data.volgen} />}

      <section aria-labelledby="kaart-dashboard-titel" className="card dashboard-map">
        <div className="section-head">
          <h2 id="kaart-dashboard-titel">Kaart van de voortgang</h2>
          <label className="field no-print">
            <span className="field__label">Indicator op de kaart</span>
            <select
              value={mapIndicatorId ?? ''}
              onChange={(e) => void switchIndicator(e.target.value, 'buurt')}
            >
              {(indicators.data ?? [])
                .slice()
                .sort(
                  (a, b) => Number(targetIndicators.includes(b.id)) - Number(targetIndicators.includes(a.id)),
                )
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.naam}
                    {targetIndicators.includes(i.id) ? ' (doel)' : ''}
                  </option>
                ))}
            </select>
          </label>
        </div>
        {mapIndicator && periode ? (
          <Suspense fallback={<p className="loading">Kaart laden…</p>}>
            <MapPanel
              indicator={mapIndicator}
              periode={periode}
              horizon={horizon}
              mode={targetIndicators.includes(mapIndicator.id) ? 'voortgang' : 'waarde'}
              niveau="buurt"
              gemeente={gemeente}
              outline={outline}
              selected={query.get('gebied')}
              onSelect={(code) => setQuery({ gebied: code })}
            />
          </Suspense>
        ) : (
          <p className="loading">Kaart laden…</p>
        )}
      </section>
    </section>
  );
}
