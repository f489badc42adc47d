import { useEffect, useMemo } from 'react';
import type { AreaProgressProfileBody } from '../../../schemas/progress.ts';
import { AreaInspanningen } from '../programme/AreaInspanningen.tsx';
import { apiUrl, useAllPages, useApi } from '../shared/api.ts';
import { formatValue } from '../shared/format.ts';
import {
  flattenTargets,
  type GebiedDetail,
  type Indicator,
  memberSumObservations,
  type Observation,
} from '../shared/model.ts';
import { DEFAULT_GEMEENTE, useAreas, useIndicators } from '../shared/queries.ts';
import { Link, navigate } from '../shared/router.tsx';
import { AreaCombobox } from './AreaCombobox.tsx';
import { AreaVolgen } from './AreaVolgen.tsx';
import { compareRows, orderIndicatorIds, seriesOf, sourcesOf, splitOwnRows } from './compareRows.ts';
import { HowCalculated } from './HowCalculated.tsx';
import { TrendChart } from './TrendChart.tsx';

const LEVEL_NAME: Record<string, string> = {
  buurt: 'Buurt',
  wijk: 'Wijk',
  gemeente: 'Gemeente',
  land: 'Land',
  programmagebied: 'Programmagebied',
};

/** /gebied/BU19160200: every indicator of one area beside its wijk, gemeente and Nederland. */
export function AreaProfile({ code }: { code: string }) {
  const detail = useApi<GebiedDetail>(apiUrl(`/gebieden/${code}`));
  const area = detail.data;
  const progress = useApi<AreaProgressProfileBody>(
    area ? apiUrl(`/gebieden/${code}/voortgang`, { indeling: area.indeling }) : null,
  );
  const indicators = useIndicators();
  const indicatorMap = useMemo(
    () => new Map((indicators.data ?? []).map((i) => [i.id, i] as [string, Indicator])),
    [indicators.data],
  );
  const parents = area?.ouders ?? [];
  const wijk = parents.find((p) => p.niveau === 'wijk');
  const gemeente = parents.find((p) => p.niveau === 'gemeente');
  const land = parents.find((p) => p.niveau === 'land');
  const columns: Array<{ code: string; naam: string }> = area
    ? [area, wijk, gemeente, land ?? { code: 'NL00', naam: 'Nederland' }].filter(
        (c): c is { code: string; naam: string } => c !== undefined,
      )
    : [];
  const codes = columns.map((c) => c.code);
  // The server owns the rule (same code, same name; decision 0101) and names the vintages it holds for.
  const sameVintages = useMemo(() => (area ? new Set(area.zelfdeGebiedIn) : undefined), [area]);
  // With the series of the data pack an area and its wijk, gemeente and NL hold over 1 000 values.
  const observations = useAllPages<Observation>(
    area ? apiUrl('/waarnemingen', { gebied: codes.join(','), paginaGrootte: 1000 }) : null,
    'waarnemingen',
  );
  // Figures of another vintage's area with this code count only when it is the same area. A
  // programme area has no figures of its own: its members' figures are added up by the server.
  const obs = useMemo(() => {
    const own = (observations.data ?? []).filter(
      (o) =>
        o.gebied !== area?.code || o.indeling === area.indeling || Boolean(sameVintages?.has(o.indeling)),
    );
    if (!area || !progress.data?.ledenSommen?.length) return own;
    const summed = memberSumObservations(progress.data.ledenSommen, area);
    const have = new Set(own.filter((o) => o.gebied === area.code).map((o) => `${o.indicator}|${o.jaar}`));
    return [...own, ...summed.filter((o) => !have.has(`${o.indicator}|${o.jaar}`))];
  }, [observations.data, area, sameVintages, progress.data]);
  const otherVintages = area && sameVintages ? area.indelingen.filter((v) => !sameVintages.has(v)) : [];
  const codesKey = codes.join(',');
  const targets = useMemo(() => flattenTargets(progress.data?.streefwaarden ?? []), [progress.data]);
  const memberTargets = useMemo(() => flattenTargets(progress.data?.lidVan ?? []), [progress.data]);
  const programmeIds = useMemo(
    () => new Set([...targets, ...memberTargets].map((t) => t.indicatorId)),
    [targets, memberTargets],
  );
  const allRows = useMemo(() => {
    const unordered = compareRows(obs, codesKey.split(','));
    const order = orderIndicatorIds(
      unordered.map((r) => r.indicator),
      indicators.data ?? [],
      programmeIds,
    );
    return order.map((id) => unordered.find((r) => r.indicator === id)!);
  }, [obs, codesKey, indicators.data, programmeIds]);
  // A buurt page leaves out series measured only per wijk; it names them with a link to the wijk.
  const { own: ownRows, elsewhere } = splitOwnRows(allRows);
  const rows = area?.niveau === 'buurt' ? ownRows : allRows;
  const wijkOnly = area?.niveau === 'buurt' ? elsewhere : [];
  const searchable = useAreas('buurt', area?.gemeente ?? DEFAULT_GEMEENTE, area?.indeling ?? null);
  const wijken = useAreas('wijk', area?.gemeente ?? DEFAULT_GEMEENTE, area?.indeling ?? null);
  const indicatorIds = orderIndicatorIds(
    [...rows.map((r) => r.indicator), ...targets.map((t) => t.indicatorId)],
    indicators.data ?? [],
    programmeIds,
  );

  useEffect(() => {
    if (area) document.title = `${area.naam} · buurtpeil`;
  }, [area]);

  // Deep links to one indicator (#indicator-…) from the dashboard's "hoe berekend".
  useEffect(() => {
    if (!progress.data || !window.location.hash) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [progress.data]);

  const search = (
    <AreaCombobox
      areas={[...(wijken.data ?? []), ...(searchable.data ?? [])]}
      onChoose={(a) => navigate(`/gebied/${a.code}`)}
      label="Ander gebied zoeken"
    />
  );

  if (detail.error) {
    return (
      <section className="page">
        <h1>Gebied {code}</h1>
        <p className="notice notice--error" role="alert">
          {detail.error.message}
        </p>
        {search}
      </section>
    );
  }
  if (!area) return <p className="page loading">Gebied laden…</p>;

  return (
    <article className="page page--wide profile" aria-labelledby="profiel-titel">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {LEVEL_NAME[area.niveau] ?? area.niveau} · {area.code} · indeling {area.indeling}
          </p>
          <h1 id="profiel-titel">{area.naam}</h1>
          <p className="breadcrumbs">
            {[...parents].reverse().map((p, i) => (
              <span key={p.code}>
                {i > 0 && ' › '}
                <Link href={`/gebied/${p.code}`}>{p.naam}</Link>
              </span>
            ))}
          </p>
        </div>
        <div className="no-print profile__search">{search}</div>
      </div>

      {area.kinderen.length > 0 && (
        <nav className="card" aria-label={`Onderdelen van ${area.naam}`}>
          <h2>Onderdelen</h2>
          <ul className="chips">
            {area.kinderen.map((k) => (
              <li key={k.code}>
                <Link href={`/gebied/${k.code}`}>{k.naam}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section className="card" aria-labelledby="vergelijking-titel">
        <h2 id="vergelijking-titel">Vergelijking</h2>
        {observations.loading && rows.length === 0 && <p className="loading">Waarnemingen laden…</p>}
        {area && otherVintages.length > 0 && (
          <p className="notice">
            In indeling {otherVintages.join(', ')} had code {area.code} een andere begrenzing; die cijfers
            staan hier niet bij.
          </p>
        )}
        {observations.data && rows.length === 0 && (
          <p className="muted">Voor dit gebied zijn nog geen waarnemingen geladen.</p>
        )}
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="data-table compare">
              <caption className="visually-hidden">
                {area.naam} vergeleken met{' '}
                {columns
                  .slice(1)
                  .map((c) => c.naam)
                  .join(', ')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  {columns.map((c) => (
                    <th scope="col" key={c.code} className="num">
                      {c.naam}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const ind = indicatorMap.get(row.indicator);
                  return (
                    <tr key={row.indicator}>
                      <th scope="row">
                        <a href={`#indicator-${row.indicator}`}>{ind?.naam ?? row.indicator}</a>
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={codes[i]} className="num" data-label={columns[i]?.naam}>
                          {cell.geheim
                            ? 'geheim / te klein'
                            : formatValue(cell.waarde, ind?.eenheid, ind?.decimalen ?? 0)}
                          {cell.jaar !== null && <span className="cell-note"> ({cell.jaar})</span>}
                          {cell.interval95 && (
                            <span className="cell-note">
                              {' '}
                              95%-interval {formatValue(cell.interval95.onder, ind?.eenheid, 1)}–
                              {formatValue(cell.interval95.boven, ind?.eenheid, 1)}
                            </span>
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {wijkOnly.length > 0 && (
          <p className="muted small" data-testid="alleen-wijk">
            Alleen per wijk gemeten, niet per buurt:{' '}
            {wijkOnly.map((r) => indicatorMap.get(r.indicator)?.naam ?? r.indicator).join(', ')}.{' '}
            {wijk && (
              <>
                Zie <Link href={`/gebied/${wijk.code}`}>{wijk.naam}</Link>.
              </>
            )}
          </p>
        )}
      </section>

      <section aria-labelledby="indicatoren-titel">
        <h2 id="indicatoren-titel">Per indicator</h2>
        <div className="indicator-grid">
          {indicatorIds.map((id) => {
            const ind = indicatorMap.get(id);
            const own = targets.filter((t) => t.indicatorId === id);
            const observed = seriesOf(obs, id, area.code);
            const reference = gemeente ? seriesOf(obs, id, gemeente.code) : [];
            const name = ind?.naam ?? own[0]?.indicatorNaam ?? id;
            return (
              <section
                className="card indicator-card"
                id={`indicator-${id}`}
                key={id}
                aria-labelledby={`titel-${id}`}
              >
                <h3 id={`titel-${id}`}>{name}</h3>
                {ind?.definitie && <p className="muted small">{ind.definitie}</p>}
                {observed.length < 2 && own.length === 0 ? (
                  <p className="single-value">
                    {observed.length === 1 ? (
                      <>
                        <span className="single-value__number">
                          {formatValue(observed[0]!.waarde, ind?.eenheid, ind?.decimalen ?? 0)}
                        </span>{' '}
                        in {observed[0]!.jaar}. Er is nog maar één meting; het verloop is te zien zodra er een
                        tweede is.
                      </>
                    ) : (
                      'Nog geen metingen voor dit gebied.'
                    )}
                  </p>
                ) : (
                  <TrendChart
                    title={`Verloop van ${name} in ${area.naam}`}
                    unit={ind?.eenheid ?? own[0]?.eenheid ?? ''}
                    decimals={ind?.decimalen ?? own[0]?.decimalen ?? 0}
                    observed={observed.length ? observed : (own[0]?.reeks ?? [])}
                    reference={reference}
                    referenceLabel={gemeente?.naam}
                    targets={own}
                  />
                )}
                {own.length > 0 ? (
                  own.map((t) => <HowCalculated key={t.key} target={t} />)
                ) : (
                  <p className="muted small">Geen streefwaarde voor dit gebied: alleen gevolgd.</p>
                )}
                <ValueSources {...sourcesOf(obs, id, area.code)} fallback={ind?.bron} />
              </section>
            );
          })}
        </div>
      </section>

      {memberTargets.length > 0 && (
        <section className="card" aria-labelledby="programma-titel">
          <h2 id="programma-titel">Doelen van het programmagebied waar {area.naam} bij hoort</h2>
          <ul className="plain-list">
            {memberTargets.map((t) => (
              <li key={t.key}>
                <strong>{t.indicatorNaam}</strong> in{' '}
                <Link href={`/gebied/${t.gebiedCode}`}>{t.gebiedNaam}</Link>
                <HowCalculated target={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <AreaVolgen code={area.code} gemeente={area.gemeente} />
      <AreaInspanningen code={area.code} name={area.naam} />
    </article>
  );
}

/** The card's source line: the source of each value (with its years), not the indicator's nominal one. */
function ValueSources({
  bronnen,
  naamGekoppeld,
  fallback,
}: {
  bronnen: { bron: string; jaren: number[] }[];
  naamGekoppeld: boolean;
  fallback: string | undefined;
}) {
  if (bronnen.length === 0) return fallback ? <p className="source">Bron: {fallback}</p> : null;
  const years = (jaren: number[]) =>
    jaren.length > 2 ? `${jaren[0]}–${jaren[jaren.length - 1]}` : jaren.join(', ');
  return (
    <div className="source">
      {bronnen.length === 1 ? (
        <p>
          Bron ({years(bronnen[0]!.jaren)}): {bronnen[0]!.bron}
        </p>
      ) : (
        <details>
          <summary>Bron per waarde ({bronnen.length} bronnen)</summary>
          <ul>
            {bronnen.map((b) => (
              <li key={b.bron}>
                {years(b.jaren)}: {b.bron}
              </li>
            ))}
          </ul>
        </details>
      )}
      {naamGekoppeld && (
        <p>
          Let op: de bron gaf hier geen gebiedscode; de code is op naam en volgorde gekoppeld (vlag in het
          bronbestand).
        </p>
      )}
    </div>
  );
}
