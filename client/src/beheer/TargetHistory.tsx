import { useEffect, useRef } from 'react';
import type { TargetHistoryBody } from '../../../schemas/targets.ts';
import { Changes } from './AuditPage.tsx';
import { formatDateTime } from './beheerApi.ts';
import { describeDecision, type Target } from './targetModel.ts';
import { useBeheerData } from './useBeheerData.ts';

const VERBS: Record<string, string> = {
  aanmaken: 'Aangemaakt',
  wijzigen: 'Gewijzigd',
  verwijderen: 'Verwijderd',
};

/** Every version of one target, newest first: when, by whom, what changed and the council decision. */
export function TargetHistory({
  target,
  label,
  onClose,
}: {
  target: Target;
  label: string;
  onClose: () => void;
}) {
  const { data, error } = useBeheerData<TargetHistoryBody>(`/beheer/streefwaarden/${target.id}/historie`);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="historie-titel">
      <h2 id="historie-titel" tabIndex={-1} ref={heading}>
        Geschiedenis: {label}
      </h2>
      {error && <p className="notice notice--error">{error}</p>}
      {data && data.historie.length === 0 && (
        <p>Nog niet gewijzigd in beheer; de streefwaarde komt uit de programmadefinitie.</p>
      )}
      {data && data.historie.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{data.historie.length} versies, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wat</th>
                <th scope="col">Door</th>
                <th scope="col">Raadsbesluit</th>
                <th scope="col">Ervoor → erna</th>
              </tr>
            </thead>
            <tbody>
              {data.historie.map((version) => (
                <tr key={`${version.tijdstip}-${version.actie}`}>
                  <td className="nowrap">{formatDateTime(version.tijdstip)}</td>
                  <td>{VERBS[version.actie] ?? version.actie}</td>
                  <td>{version.gebruiker}</td>
                  <td>{describeDecision(version) ?? '—'}</td>
                  <td>
                    <Changes before={version.voor} after={version.na} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Sluiten
        </button>
      </p>
    </section>
  );
}
