import type { AreaInspanningenBody } from '../../../schemas/plan.ts';
import { apiUrl, useApi } from '../shared/api.ts';
import { Link } from '../shared/router.tsx';
import { InspanningStatusBadge } from './InspanningTable.tsx';
import { periodText } from './planView.ts';
import './programme.css';

/** "Wat gebeurt er in mijn buurt": the inspanningen of every programme that hold in this area. */
export function AreaInspanningen({ code, name }: { code: string; name: string }) {
  const { data } = useApi<AreaInspanningenBody>(apiUrl(`/gebieden/${encodeURIComponent(code)}/inspanningen`));
  if (!data || data.programmas.length === 0) return null;
  return (
    <section className="card" aria-labelledby="inspanningen-titel">
      <h2 id="inspanningen-titel">Wat gebeurt er in {name}?</h2>
      {data.programmas.map((programme) => (
        <div key={programme.id}>
          <h3>
            <Link href={`/programma/${programme.id}?gebied=${encodeURIComponent(code)}`}>
              {programme.naam}
            </Link>
          </h3>
          <ul className="plain-list">
            {programme.inspanningen
              .filter((i) => i.soort === 'actie')
              .map((i) => (
                <li key={i.id}>
                  <strong>{i.wat}</strong> — {periodText(i)};{' '}
                  {i.partners.length > 0 ? i.partners.map((p) => p.naam).join(', ') : 'partners niet genoemd'}
                  ; <InspanningStatusBadge inspanning={i} />
                </li>
              ))}
          </ul>
          {programme.inspanningen.some((i) => i.soort === 'bestaand') ? (
            <p className="muted">
              Ook al in het gebied:{' '}
              {programme.inspanningen
                .filter((i) => i.soort === 'bestaand')
                .map((i) => i.wat)
                .join(', ')}
              .
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
