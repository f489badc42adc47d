import { useEffect } from 'react';
import { apiUrl } from '../shared/api.ts';
import { DEFAULT_GEMEENTE, useIndelingRule, useIndicators, useProgrammes } from '../shared/queries.ts';
import { setQuery, useLocation } from '../shared/router.tsx';

const LEVELS = [
  { value: 'buurt', label: 'Buurten' },
  { value: 'wijk', label: 'Wijken' },
  { value: 'gemeente', label: 'Gemeente' },
  { value: 'programmagebied', label: 'Programmagebieden' },
];

/** The export's `horizon`: both (a row per horizon), or one. */
const HORIZONS = [
  { value: '', label: 'Beide (een rij per horizon)' },
  { value: '10', label: '10 jaar' },
  { value: '20', label: '20 jaar' },
];

const THEME_NAMES: Record<string, string> = {
  bevolking: 'Bevolking',
  inkomen: 'Inkomen en armoede',
  werk: 'Werk en uitkeringen',
  wonen: 'Wonen',
  zorg: 'Zorg en gezondheid',
  gezondheid: 'Gezondheid',
  meedoen: 'Meedoen',
  overig: 'Overig',
};

const splitList = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** /data: choose indicators, areas and years; download CSV (two dialects), GeoJSON and FlatGeobuf. */
export function DataPage() {
  const { query } = useLocation();
  const indicators = useIndicators();
  // The years with figures come from the server, like the indeling rule; no list in the client.
  const loadedYears = useIndelingRule().data?.jarenMetCijfers ?? [];
  const programmes = useProgrammes();
  const chosen = splitList(query.get('indicator'));
  // The catalogue grouped by theme, in the catalogue's own order.
  const themes = [
    ...(indicators.data ?? []).reduce((groups, i) => {
      const key = i.thema ?? 'overig';
      groups.set(key, [...(groups.get(key) ?? []), i]);
      return groups;
    }, new Map<string, NonNullable<typeof indicators.data>>()),
  ];
  const years = splitList(query.get('jaren'));
  const niveau = query.get('niveau') ?? 'buurt';
  const gemeente = query.get('gemeente') ?? DEFAULT_GEMEENTE;
  const geoIndicator = query.get('geoIndicator') ?? chosen[0] ?? indicators.data?.[0]?.id ?? '';
  const geoYear = query.get('geoJaar') ?? years[years.length - 1] ?? String(loadedYears.at(-1) ?? '');
  const horizon = query.get('horizon') ?? '';
  const programma = query.get('programma') ?? '';

  useEffect(() => {
    document.title = 'Data · buurtpeil';
  }, []);

  const toggle = (list: string[], value: string, key: string) => {
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    setQuery({ [key]: next.join(',') }, true);
  };
  const filters = {
    indicator: chosen.join(','),
    niveau,
    gemeente,
    periode: years.sort().join(','),
    horizon,
    programma,
  };
  const csv = (dialect: 'excel' | 'standaard') =>
    apiUrl('/exports/waarnemingen.csv', { dialect, ...filters });
  const kaartlaag = (format: 'geojson' | 'fgb') =>
    apiUrl(`/exports/kaartlaag.${format}`, {
      indicator: geoIndicator,
      periode: geoYear,
      niveau,
      gemeente,
      horizon: horizon || '10',
      programma,
    });

  return (
    <section className="page" aria-labelledby="data-titel">
      <h1 id="data-titel">Data</h1>
      <p className="lead">
        Alle cijfers met definitie, bron en vlaggen, als bestand om zelf te analyseren. Eén rij per gebied ×
        indicator × jaar (en per horizon waar een streefwaarde is). Waarden onder de openbaarmakingsgrens
        staan er niet in (“geheim / te klein”).
      </p>

      <form
        className="card data-form"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Selectie voor de download"
      >
        <h2 className="data-form__title">Selectie</h2>
        <fieldset>
          <legend>Indicatoren</legend>
          <p className="muted small">Niets aangevinkt: alle indicatoren.</p>
          {themes.map(([theme, list]) => (
            <div key={theme} className="theme-group">
              <h3 className="theme-group__title">{THEME_NAMES[theme] ?? theme}</h3>
              <div className="checkbox-grid">
                {list.map((i) => (
                  <label key={i.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(i.id)}
                      onChange={() => toggle(chosen, i.id, 'indicator')}
                    />
                    <span>
                      {i.naam} <span className="muted">({i.eenheid})</span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
        <div className="data-form__row">
          <label className="field">
            <span className="field__label">Niveau</span>
            <select value={niveau} onChange={(e) => setQuery({ niveau: e.target.value }, true)}>
              {LEVELS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Programma (streefwaarden)</span>
            <select value={programma} onChange={(e) => setQuery({ programma: e.target.value || null }, true)}>
              <option value="">Dat van de gemeente</option>
              {(programmes.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.naam}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Horizon</span>
            <select value={horizon} onChange={(e) => setQuery({ horizon: e.target.value || null }, true)}>
              {HORIZONS.map((h) => (
                <option key={h.value} value={h.value}>
                  {h.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Gemeente (CBS-code)</span>
            <input
              type="text"
              value={gemeente}
              pattern="GM[0-9]{4}"
              size={8}
              onChange={(e) => setQuery({ gemeente: e.target.value.toUpperCase() }, true)}
            />
          </label>
        </div>
        <fieldset>
          <legend>Jaren</legend>
          <p className="muted small">Niets aangevinkt: alle jaren.</p>
          <div className="checkbox-row">
            {loadedYears.map((y) => (
              <label key={y} className="checkbox">
                <input
                  type="checkbox"
                  checked={years.includes(String(y))}
                  onChange={() => toggle(years, String(y), 'jaren')}
                />
                <span>{y}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </form>

      <section className="card" aria-labelledby="download-titel">
        <h2 id="download-titel">Downloaden</h2>
        <ul className="downloads">
          <li className="downloads__item">
            <a className="button" href={csv('excel')} download>
              CSV voor Excel (Nederlands)
            </a>
            <span className="muted small">
              puntkomma, decimale komma, UTF-8 met BOM: opent direct als getallen
            </span>
          </li>
          <li className="downloads__item">
            <a className="button button--secondary" href={csv('standaard')} download>
              CSV standaard
            </a>
            <span className="muted small">komma, decimale punt (RFC 4180): voor R, Python, QGIS</span>
          </li>
        </ul>
        <h3>Kaartlaag als GeoJSON of FlatGeobuf</h3>
        <p className="muted small">
          Eén indicator in één jaar, met geometrie (WGS84). GeoJSON volgt RFC 7946; FlatGeobuf legt de
          veldtypen vast, zodat waarde ook in een jaar zonder cijfers een getal blijft.
        </p>
        <div className="data-form__row">
          <label className="field">
            <span className="field__label">Indicator voor de kaartlaag</span>
            <select value={geoIndicator} onChange={(e) => setQuery({ geoIndicator: e.target.value }, true)}>
              {(indicators.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.naam}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Jaar voor de kaartlaag</span>
            <select value={geoYear} onChange={(e) => setQuery({ geoJaar: e.target.value }, true)}>
              {loadedYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <a className="button button--secondary" href={kaartlaag('geojson')} download>
            GeoJSON downloaden
          </a>
          <a className="button button--secondary" href={kaartlaag('fgb')} download>
            FlatGeobuf (voor GIS, met vaste veldtypen)
          </a>
        </div>
      </section>

      <section className="card" aria-labelledby="api-titel">
        <h2 id="api-titel">API</h2>
        <p>
          Dezelfde cijfers zijn via de API op te vragen (JSON, Nederlandse API-strategie). Zie de{' '}
          <a href="/api/v1/docs">API-referentie</a> of de{' '}
          <a href="/api/v1/openapi.json">OpenAPI-specificatie</a>.
        </p>
        <p className="muted small">
          Voorbeeld:{' '}
          <code>{apiUrl('/waarnemingen', { indicator: chosen[0] ?? geoIndicator, gemeente, niveau })}</code>
        </p>
      </section>
    </section>
  );
}
