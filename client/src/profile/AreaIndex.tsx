import { useEffect } from 'react';
import type { Gebied } from '../shared/model.ts';
import { DEFAULT_GEMEENTE, useAreas } from '../shared/queries.ts';
import { Link, navigate } from '../shared/router.tsx';
import { AreaCombobox } from './AreaCombobox.tsx';

/** /gebied: find an area by name, or pick it from the wijken and their buurten. */
export function AreaIndex() {
  const wijken = useAreas('wijk', DEFAULT_GEMEENTE, null);
  const buurten = useAreas('buurt', DEFAULT_GEMEENTE, null);
  const gemeenten = useAreas('gemeente', DEFAULT_GEMEENTE, null);
  const programmeAreas = useAreas('programmagebied', DEFAULT_GEMEENTE, null);
  const all: Gebied[] = [
    ...(gemeenten.data ?? []),
    ...(programmeAreas.data ?? []),
    ...(wijken.data ?? []),
    ...(buurten.data ?? []),
  ];
  const wholes = [...(gemeenten.data ?? []), ...(programmeAreas.data ?? [])];

  useEffect(() => {
    document.title = 'Gebieden · buurtpeil';
  }, []);

  return (
    <section className="page" aria-labelledby="gebieden-titel">
      <h1 id="gebieden-titel">Gebieden</h1>
      <p className="lead">
        Elke buurt en wijk heeft een profiel met alle indicatoren, de vergelijking met wijk en gemeente, en de
        doelen.
      </p>
      <div className="card">
        <AreaCombobox areas={all} onChoose={(a) => navigate(`/gebied/${a.code}`)} />
      </div>
      {wholes.length > 0 && (
        <nav aria-label="Gemeente en programmagebieden" className="wholes">
          <ul className="chips">
            {wholes.map((g) => (
              <li key={g.code}>
                <Link href={`/gebied/${g.code}`}>
                  {g.naam}{' '}
                  <span className="muted">({g.niveau === 'gemeente' ? 'gemeente' : 'programmagebied'})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {wijken.error && (
        <p className="notice notice--error" role="alert">
          De gebieden konden niet worden geladen: {wijken.error.message}
        </p>
      )}
      <div className="area-index">
        {(wijken.data ?? []).map((w) => (
          <section key={w.code} className="card area-index__wijk" aria-labelledby={`wijk-${w.code}`}>
            <h2 id={`wijk-${w.code}`}>
              <Link href={`/gebied/${w.code}`}>{w.naam}</Link>
            </h2>
            <ul>
              {(buurten.data ?? [])
                .filter((b) => b.ouder === w.code)
                .map((b) => (
                  <li key={b.code}>
                    <Link href={`/gebied/${b.code}`}>{b.naam}</Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
