import { useEffect } from 'react';
import { vintageForYear, yearOfPeriod } from '../shared/indeling.ts';
import { mapChoices, mapLayerRequest, prefetchLayer, startMapPage } from '../shared/mapPageStart.ts';
import { switchIndicator, useAvailablePeriods, useIndelingRule, useIndicators } from '../shared/queries.ts';
import { setQuery, useLocation } from '../shared/router.tsx';
import { GemeentePicker } from './GemeentePicker.tsx';
import { MapPanel } from './MapPanel.tsx';

/** /kaart?indicator=…&periode=…&horizon=…&kleur=waarde|voortgang — every choice lives in the URL. */
export function MapExplorer() {
  const { query } = useLocation();
  const choices = mapChoices(query);
  // A page opened by a link inside the app starts its requests here (a page load in main.tsx).
  const search = query.toString();
  useEffect(() => startMapPage(new URLSearchParams(search)), [search]);
  const indicators = useIndicators();
  const list = indicators.data ?? [];
  const indicatorId = choices.indicator ?? list[0]?.id ?? '';
  const indicator = list.find((i) => i.id === indicatorId);
  const { horizon, mode, niveau, gemeente, gebied: selected } = choices;
  const available = useAvailablePeriods(indicatorId || null, niveau);
  // Without a year in the URL: the newest year that has figures for this indicator at this level.
  const periode = choices.periode ?? available.data?.at(-1) ?? (available.loading ? null : '2024');
  const years = [...new Set([...(available.data ?? []), ...(periode ? [periode] : [])])].sort();
  const rule = useIndelingRule();
  const indeling =
    choices.indeling ??
    (periode && rule.data ? vintageForYear(yearOfPeriod(periode), rule.data.regels) : null);

  useEffect(() => {
    document.title = `Kaart${indicator ? `: ${indicator.naam}` : ''} · buurtpeil`;
  }, [indicator]);

  return (
    <section className="page page--wide" aria-labelledby="kaart-titel">
      <h1 id="kaart-titel">Kaart</h1>
      <p className="lead">
        Kies een indicator, een jaar en een kleuring. Elke kaart staat ook als tabel naast de kaart.
      </p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Kaartinstellingen">
        <label className="field">
          <span className="field__label">Indicator</span>
          <select
            value={indicatorId}
            onChange={(e) => {
              // The year usually stays: ask for that layer while switchIndicator checks the new indicator's years.
              prefetchLayer(mapLayerRequest(choices, e.target.value));
              void switchIndicator(e.target.value, niveau);
            }}
            disabled={list.length === 0}
          >
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {i.naam}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Jaar</span>
          <select value={periode ?? ''} onChange={(e) => setQuery({ periode: e.target.value, gebied: null })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Niveau</span>
          <select value={niveau} onChange={(e) => setQuery({ niveau: e.target.value, gebied: null })}>
            <option value="buurt">Buurten</option>
            <option value="wijk">Wijken</option>
          </select>
        </label>
        <GemeentePicker
          gemeente={gemeente}
          indeling={indeling}
          niveau={niveau}
          onChange={(code) => setQuery({ gemeente: code ?? '', gebied: null })}
        />
        <fieldset className="field segmented">
          <legend className="field__label">Kleur naar</legend>
          {(['waarde', 'voortgang'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="kleur"
                value={m}
                checked={mode === m}
                onChange={() => setQuery({ kleur: m })}
              />
              {m === 'waarde' ? 'Waarde' : 'Voortgang'}
            </label>
          ))}
        </fieldset>
        {mode === 'voortgang' && (
          <fieldset className="field segmented">
            <legend className="field__label">Horizon</legend>
            {[10, 20].map((h) => (
              <label key={h}>
                <input
                  type="radio"
                  name="horizon"
                  value={h}
                  checked={horizon === h}
                  onChange={() => setQuery({ horizon: h })}
                />
                {h} jaar
              </label>
            ))}
          </fieldset>
        )}
      </form>
      {indicators.error && (
        <p className="notice notice--error" role="alert">
          De indicatoren konden niet worden geladen: {indicators.error.message}
        </p>
      )}
      {indicator && periode ? (
        <MapPanel
          indicator={indicator}
          periode={periode}
          horizon={horizon}
          mode={mode}
          niveau={niveau}
          gemeente={gemeente}
          indeling={choices.indeling}
          selected={selected}
          onSelect={(code) => setQuery({ gebied: code })}
        />
      ) : (
        !indicators.error && <p className="loading">Indicatoren laden…</p>
      )}
    </section>
  );
}
