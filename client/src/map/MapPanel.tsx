import { useMemo } from 'react';
import { valueScale } from '../shared/colourScale.ts';
import { formatNumber, formatValue } from '../shared/format.ts';
import { type Indicator, type LayerValue, toLayerValues } from '../shared/model.ts';
import { useIndelingRule, useMapLayer, useTileSet, useTileSetAreas } from '../shared/queries.ts';
import { Link } from '../shared/router.tsx';
import { STATUS_STYLES } from '../shared/status.ts';
import { AreaTable } from '../ui/AreaTable.tsx';
import { Legend } from '../ui/Legend.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { ChoroplethMap } from './ChoroplethMap.tsx';
import { type ColourMode, layerPaint, nameOrder, vintageForYear, yearOfPeriod } from './layerPaint.ts';
import { loadMapLibre } from './loadMapLibre.ts';

export interface MapPanelProps {
  indicator: Indicator;
  periode: string;
  horizon: number;
  mode: ColourMode;
  niveau: string;
  gemeente: string | null;
  /** Boundary vintage; when absent it follows the year. */
  indeling?: number | null;
  outline?: string[];
  /** Fit the view to these areas (the programme area) instead of all of them. */
  fitTo?: string[];
  selected: string | null;
  onSelect: (code: string) => void;
}

// This module is only loaded for a page with a map: start fetching MapLibre right away.
void loadMapLibre();

const LEVEL_WORDS: Record<string, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

/** Map, legend, selected-area card and the same view as a table, for one indicator × year × horizon. */
export function MapPanel(props: MapPanelProps) {
  const { indicator, periode, horizon, mode, niveau, gemeente, outline, selected, onSelect } = props;
  const year = yearOfPeriod(periode);
  // The vintage follows the year by the server's one rule (GET /indelingen, fetched once), so layer
  // and geometry load in parallel; the layer itself says its indeling too.
  const rule = useIndelingRule();
  const layerRequest = {
    indicator: indicator.id,
    niveau,
    gemeente,
    periode,
    horizon,
    indeling: props.indeling,
  };
  const layer = useMapLayer(layerRequest);
  const indeling =
    props.indeling ??
    (rule.data ? vintageForYear(year, rule.data.regels) : null) ??
    layer.data?.indeling ??
    null;
  const tileSet = useTileSet(indeling, niveau);
  const areas = useTileSetAreas(tileSet.data?.gebieden ?? null);
  // The areas drawn: one gemeente's (a filter on the national tiles), or every one.
  const names = useMemo(() => {
    const shown = (areas.data ?? []).filter(
      (a) => !gemeente || a.gemeente === gemeente || a.code === gemeente,
    );
    return new Map(shown.map((a) => [a.code, a.naam]));
  }, [areas.data, gemeente]);
  const codes = useMemo(() => [...names.keys()], [names]);
  const order = useMemo(() => nameOrder(names.values()), [names]);
  const values = useMemo(() => (layer.data ? toLayerValues(layer.data, names) : []), [layer.data, names]);
  const scale = useMemo(() => valueScale(values.filter((v) => !v.geheim).map((v) => v.waarde)), [values]);
  const paint = useMemo(() => layerPaint(values, mode, scale), [values, mode, scale]);
  const statuses = useMemo(() => [...new Set(values.map((v) => v.status))], [values]);
  const byCode = useMemo(() => new Map(values.map((v) => [v.code, v])), [values]);
  const unit = layer.data?.eenheid ?? indicator.eenheid;
  const decimals = indicator.decimalen;
  const describe = (code: string, name: string) => {
    const v = byCode.get(code);
    if (!v) return `${name}: geen gegevens`;
    const shown = v.geheim
      ? 'geheim / te klein'
      : v.waarde === null
        ? 'geen gegevens'
        : formatValue(v.waarde, unit, decimals);
    return `${v.naam || name}: ${shown}${mode === 'voortgang' ? ` · ${STATUS_STYLES[v.status].label}` : ''}`;
  };
  const colourOf = (v: LayerValue) => paint.get(v.code)?.kleur ?? null;
  const chosen = selected ? byCode.get(selected) : undefined;
  const title =
    mode === 'waarde'
      ? `${indicator.naam} (${unit || 'waarde'}), ${periode}`
      : `Voortgang naar de ${horizon}-jaarsdoelen, ${periode}`;
  const caption = `${indicator.naam} per ${niveau} in ${periode}${mode === 'voortgang' ? `, voortgang (horizon ${horizon} jaar)` : ''}`;

  // The table has a link and a button per area: a keyboard user can jump past it in one step,
  // to whatever can take focus after it (the footer's first link when nothing else follows).
  const skipTable = (event: { currentTarget: HTMLElement }) => {
    const table = event.currentTarget.nextElementSibling;
    if (!table) return;
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), select, input, [tabindex="0"]',
      ),
    ];
    const next = focusable.find(
      (el) => !table.contains(el) && table.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    next?.focus();
  };

  return (
    <div className="map-panel">
      <div className="map-panel__map">
        {tileSet.data ? (
          <ChoroplethMap
            key={tileSet.data.versie}
            tileSet={tileSet.data}
            codes={codes}
            gemeente={gemeente}
            dataReady={(layer.data ?? layer.error) !== undefined && (areas.data ?? areas.error) !== undefined}
            paint={paint}
            outline={outline}
            fitTo={props.fitTo}
            selected={selected}
            onSelect={onSelect}
            describe={describe}
            label={`Kaart: ${caption}`}
          />
        ) : tileSet.error ? (
          <p className="notice notice--error" role="alert">
            De grenzen konden niet worden geladen: {tileSet.error.message}
          </p>
        ) : (
          <p className="notice">Kaart laden…</p>
        )}
        <div className="map-panel__below">
          <Legend
            mode={mode}
            scale={scale}
            unit={unit}
            decimals={decimals}
            title={title}
            statuses={statuses}
          />
          {outline && outline.length > 0 && (
            <p className="legend__note">
              <span className="legend__outline" aria-hidden="true" /> Gestippelde rand: programmagebied
            </p>
          )}
          <p className="legend__note">
            Indeling {indeling ?? '…'} · bron: {indicator.bron || 'CBS'}
          </p>
        </div>
        {layer.error && (
          <p className="notice notice--error" role="alert">
            De kaartlaag kon niet worden geladen: {layer.error.message}
          </p>
        )}
      </div>
      <div className="map-panel__side">
        <section
          className={`selected-area${chosen ? '' : ' no-print'}`}
          aria-live="polite"
          aria-label="Gekozen gebied"
        >
          {chosen ? (
            <>
              <h2 className="selected-area__name">{chosen.naam || chosen.code}</h2>
              <p className="selected-area__value">
                {chosen.geheim ? 'geheim / te klein' : formatValue(chosen.waarde, unit, decimals)}
              </p>
              <StatusBadge status={chosen.status} />
              <p>
                <Link href={`/gebied/${chosen.code}`} className="button">
                  Profiel van {chosen.naam || chosen.code}
                </Link>
              </p>
            </>
          ) : (
            <p className="muted no-print">
              Kies een gebied op de kaart of in de tabel ({formatNumber(values.length)}{' '}
              {LEVEL_WORDS[niveau] ?? niveau}).
            </p>
          )}
        </section>
        <button type="button" className="button button--secondary skip-table" onClick={skipTable}>
          Sla de tabel over ({values.length} {LEVEL_WORDS[niveau] ?? niveau})
        </button>
        <AreaTable
          caption={caption}
          values={values}
          unit={unit}
          decimals={decimals}
          colourOf={colourOf}
          selected={selected}
          onSelect={onSelect}
          showStatus={mode === 'voortgang'}
          order={order}
        />
      </div>
    </div>
  );
}
