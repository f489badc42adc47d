import { lazy, Suspense, useEffect, useRef } from 'react';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { Link, useLocation } from './shared/router.tsx';

// Pages other than the home page are split off, so the first view loads only what it needs.
const MapExplorer = lazy(() => import('./map/MapExplorer.tsx').then((m) => ({ default: m.MapExplorer })));
const AreaProfile = lazy(() => import('./profile/AreaProfile.tsx').then((m) => ({ default: m.AreaProfile })));
const AreaIndex = lazy(() => import('./profile/AreaIndex.tsx').then((m) => ({ default: m.AreaIndex })));
const DataPage = lazy(() => import('./datapage/DataPage.tsx').then((m) => ({ default: m.DataPage })));
const BeheerApp = lazy(() => import('./beheer/BeheerApp.tsx'));
const ReportPage = lazy(() => import('./programme/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const ProgrammePage = lazy(() =>
  import('./programme/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })),
);

const NAV = [
  { path: '/', label: 'Dashboard', match: (p: string) => p === '/' },
  { path: '/kaart', label: 'Kaart', match: (p: string) => p.startsWith('/kaart') },
  { path: '/gebied', label: 'Gebieden', match: (p: string) => p.startsWith('/gebied') },
  { path: '/data', label: 'Data', match: (p: string) => p.startsWith('/data') },
  { path: '/beheer', label: 'Beheer', match: (p: string) => p.startsWith('/beheer') },
];

function Page({ path }: { path: string }) {
  if (path === '/' || path === '') return <Dashboard />;
  if (path === '/kaart') return <MapExplorer />;
  if (path === '/gebied' || path === '/gebieden') return <AreaIndex />;
  const area = path.match(/^\/gebied\/([A-Za-z0-9_.-]+)\/?$/);
  if (area) return <AreaProfile code={decodeURIComponent(area[1]!)} />;
  const report = path.match(/^\/programma\/([a-z0-9-]+)\/rapportage\/(\d{4}-H[12])\/?$/);
  if (report) return <ReportPage id={report[1]!} periode={report[2]!} />;
  const frozen = path.match(/^\/programma\/([a-z0-9-]+)\/rapportage\/(\d{4}-H[12])\/vastgesteld\/(\d+)\/?$/);
  if (frozen) return <ReportPage id={frozen[1]!} periode={frozen[2]!} versie={Number(frozen[3])} />;
  const programme = path.match(/^\/programma\/([a-z0-9-]+)\/?$/);
  if (programme) return <ProgrammePage id={programme[1]!} />;
  if (path === '/data') return <DataPage />;
  if (path === '/beheer' || path.startsWith('/beheer/')) return <BeheerApp />;
  return (
    <section className="page">
      <h1>Pagina niet gevonden</h1>
      <p>
        Er is geen pagina op <code>{path}</code>. Ga naar het <Link href="/">dashboard</Link>.
      </p>
    </section>
  );
}

export function App() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path change is the trigger
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  // Browsers without ::details-content print closed <details> closed: open them for the printout.
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const before = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
        d.open = true;
        opened.push(d);
      }
    };
    const after = () => {
      for (const d of opened.splice(0)) d.open = false;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return (
    <>
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand" aria-label="buurtpeil, naar het dashboard">
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 28 28" className="brand__mark">
              <rect x="2" y="14" width="6" height="12" rx="1.5" />
              <rect x="11" y="8" width="6" height="18" rx="1.5" />
              <rect x="20" y="2" width="6" height="24" rx="1.5" />
            </svg>
            <span className="brand__name">buurtpeil</span>
          </Link>
          <nav aria-label="Hoofdmenu">
            <ul className="nav">
              {NAV.map((item) => (
                <li key={item.path}>
                  <Link href={item.path} aria-current={item.match(path) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhoud" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="page loading">Laden…</p>}>
          <Page path={path} />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Bron: CBS (Kerncijfers wijken en buurten; wijk- en buurtkaart, CBS/Kadaster via PDOK), CC BY 4.0 ·
          gemeente Leidschendam-Voorburg, programmaplan Sterk voor Noord ·{' '}
          <a href="/api/v1/openapi.json">OpenAPI</a>
        </p>
      </footer>
    </>
  );
}
