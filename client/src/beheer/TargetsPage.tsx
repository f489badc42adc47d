import { useEffect, useState } from 'react';
import { DEFAULT_GEMEENTE } from '../shared/queries.ts';
import { api, BeheerError, formatDateTime, formatDutchNumber } from './beheerApi.ts';
import { ProgrammeForm } from './ProgrammeForm.tsx';
import { TargetForm } from './TargetForm.tsx';
import { TargetHistory } from './TargetHistory.tsx';
import {
  areaLabel,
  describeDecision,
  describeTarget,
  KIND_LABELS,
  type ProgrammeDetail,
  type Target,
} from './targetModel.ts';
import { useBeheerData } from './useBeheerData.ts';
import { useFocusAfterRender } from './useFocusAfterRender.ts';

type Editing =
  | { mode: 'geen' }
  | { mode: 'nieuw' }
  | { mode: 'wijzigen'; target: Target }
  | { mode: 'historie'; target: Target }
  | { mode: 'programma' };

/** A programme's targets (all three kinds) and its areas and reference area. */
export function TargetsPage() {
  const programmes = useBeheerData<{ programmas: Array<{ id: string; naam: string; gemeente?: string }> }>(
    '/beheer/programmas',
  );
  const [programmeId, setProgrammeId] = useState<string>();
  useEffect(() => {
    const list = programmes.data?.programmas ?? [];
    // Several programmes load at start-up: begin with one of the default gemeente, like the dashboard.
    const first = list.find((p) => p.gemeente === DEFAULT_GEMEENTE) ?? list[0];
    if (!programmeId && first) setProgrammeId(first.id);
  }, [programmes.data, programmeId]);
  const detail = useBeheerData<ProgrammeDetail>(programmeId ? `/beheer/programmas/${programmeId}` : null);
  const [editing, setEditing] = useState<Editing>({ mode: 'geen' });
  const [confirmDelete, setConfirmDelete] = useState<number>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'fout'; text: string }>();
  const focusAfterRender = useFocusAfterRender();

  const programme = detail.data;
  const unitOf = (indicatorId: string) =>
    programme?.indicatoren.find((i) => i.id === indicatorId)?.eenheid ?? '';
  const nameOf = (indicatorId: string) =>
    programme?.indicatoren.find((i) => i.id === indicatorId)?.naam ?? indicatorId;

  async function remove(target: Target) {
    try {
      await api.delete(`/beheer/streefwaarden/${target.id}`);
      setMessage({
        kind: 'ok',
        text: `De streefwaarde voor ${nameOf(target.indicatorId)} is verwijderd (en blijft terug te vinden in het auditlog).`,
      });
      detail.reload();
    } catch (error) {
      setMessage({
        kind: 'fout',
        text: error instanceof BeheerError ? error.detail : 'Verwijderen is mislukt.',
      });
    } finally {
      setConfirmDelete(undefined);
      // The row is gone (or keeps its buttons on failure): the message saying so takes focus.
      focusAfterRender('streefwaarden-melding');
    }
  }

  return (
    <section aria-labelledby="doelen-titel">
      <div className="page-head">
        <div>
          <h1 id="doelen-titel">Streefwaarden</h1>
          <p className="lead">
            De doelen van het programma per indicator, gebied en horizon. Elke wijziging komt in het auditlog.
          </p>
        </div>
        {programmes.data && programmes.data.programmas.length > 1 && (
          <label className="form-field">
            <span className="form-field__label">Programma</span>
            <select value={programmeId ?? ''} onChange={(e) => setProgrammeId(e.target.value)}>
              {programmes.data.programmas.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.naam}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {(programmes.error || detail.error) && (
        <p className="notice notice--error">{programmes.error ?? detail.error}</p>
      )}
      {programmes.data && programmes.data.programmas.length === 0 && (
        <p>Er is nog geen programma ingelezen.</p>
      )}
      <div aria-live="polite">
        {message && (
          <p
            id="streefwaarden-melding"
            tabIndex={-1}
            className={message.kind === 'ok' ? 'notice' : 'notice notice--error'}
          >
            {message.text}
          </p>
        )}
      </div>
      {programme && (
        <>
          <h2>{programme.naam}</h2>
          <p className="muted">
            Referentiegebied {areaLabel(programme, programme.referentiegebied)} · {programme.gebieden.length}{' '}
            gebieden · indeling {programme.indeling}{' '}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setEditing({ mode: 'programma' })}
            >
              Programma wijzigen
            </button>
          </p>
          {editing.mode === 'programma' && (
            <ProgrammeForm
              programme={programme}
              onSaved={() => {
                setEditing({ mode: 'geen' });
                setMessage({ kind: 'ok', text: 'Het programma is opgeslagen.' });
                detail.reload();
              }}
              onCancel={() => setEditing({ mode: 'geen' })}
            />
          )}
          {(editing.mode === 'nieuw' || editing.mode === 'wijzigen') && (
            <TargetForm
              key={editing.mode === 'wijzigen' ? editing.target.id : 'nieuw'}
              programme={programme}
              target={editing.mode === 'wijzigen' ? editing.target : undefined}
              onSaved={(saved) => {
                setEditing({ mode: 'geen' });
                setMessage({
                  kind: 'ok',
                  text: `De streefwaarde voor ${nameOf(saved.indicatorId)} in ${areaLabel(programme, saved.gebiedscode)} is opgeslagen.`,
                });
                detail.reload();
              }}
              onCancel={() => setEditing({ mode: 'geen' })}
            />
          )}
          {editing.mode === 'historie' && (
            <TargetHistory
              key={editing.target.id}
              target={editing.target}
              label={`${nameOf(editing.target.indicatorId)}, ${areaLabel(programme, editing.target.gebiedscode)}, ${editing.target.streefjaar}`}
              onClose={() => {
                setEditing({ mode: 'geen' });
                focusAfterRender(`streefwaarde-${editing.target.id}-historie`);
              }}
            />
          )}
          {editing.mode === 'geen' && (
            <p>
              <button type="button" className="button" onClick={() => setEditing({ mode: 'nieuw' })}>
                Nieuwe streefwaarde
              </button>
            </p>
          )}
          <div className="table-scroll card">
            <table className="data-table">
              <caption>{programme.streefwaarden.length} streefwaarden</caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Gebied</th>
                  <th scope="col">Horizon</th>
                  <th scope="col">Soort</th>
                  <th scope="col">Doel</th>
                  <th scope="col">Basis</th>
                  <th scope="col">Gewijzigd · raadsbesluit</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {programme.streefwaarden.map((target) => {
                  const label = `${nameOf(target.indicatorId)}, ${areaLabel(programme, target.gebiedscode)}, ${target.streefjaar}`;
                  return (
                    <tr key={target.id}>
                      <th scope="row">{nameOf(target.indicatorId)}</th>
                      <td>{areaLabel(programme, target.gebiedscode)}</td>
                      <td>
                        {target.horizon} jaar ({target.streefjaar})
                      </td>
                      <td>{KIND_LABELS[target.soort]}</td>
                      <td>
                        {describeTarget(target, unitOf(target.indicatorId))}
                        {target.planTekst && (
                          <span className="muted small"> · plan: “{target.planTekst}”</span>
                        )}
                      </td>
                      <td>
                        {target.basisjaar
                          ? `${formatDutchNumber(target.basiswaarde) || '—'} (${target.basisjaar})`
                          : '—'}
                      </td>
                      <td className="small">
                        <span className="nowrap">{formatDateTime(target.gewijzigd)}</span>
                        {describeDecision(target) && (
                          <span className="muted"> · {describeDecision(target)}</span>
                        )}
                      </td>
                      <td className="beheer-row-actions">
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setEditing({ mode: 'wijzigen', target })}
                        >
                          {/* The accessible name starts with the visible word (WCAG 2.5.3). */}
                          Wijzigen<span className="visually-hidden"> {label}</span>
                        </button>
                        <button
                          type="button"
                          id={`streefwaarde-${target.id}-historie`}
                          className="button button--secondary"
                          onClick={() => setEditing({ mode: 'historie', target })}
                        >
                          Geschiedenis<span className="visually-hidden"> {label}</span>
                        </button>
                        {confirmDelete === target.id ? (
                          <>
                            <button
                              type="button"
                              id={`streefwaarde-${target.id}-bevestigen`}
                              className="button button--danger"
                              onClick={() => void remove(target)}
                            >
                              Ja, verwijderen
                            </button>
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={() => {
                                setConfirmDelete(undefined);
                                focusAfterRender(`streefwaarde-${target.id}-verwijderen`);
                              }}
                            >
                              Annuleren
                            </button>
                          </>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary"
                            id={`streefwaarde-${target.id}-verwijderen`}
                            onClick={() => {
                              setConfirmDelete(target.id);
                              focusAfterRender(`streefwaarde-${target.id}-bevestigen`);
                            }}
                          >
                            Verwijderen<span className="visually-hidden"> {label}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
