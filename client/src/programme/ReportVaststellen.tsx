import { useEffect, useRef, useState } from 'react';
import type { ReportVersionRef } from '../../../schemas/reports.ts';
import { API } from '../shared/api.ts';
import { Link, navigate } from '../shared/router.tsx';
import { halfYearLabel } from './planView.ts';
import { versionText } from './ReportChanges.tsx';

const versionPage = (id: string, ref: ReportVersionRef) =>
  `/programma/${id}/rapportage/${ref.periode}/vastgesteld/${ref.versie}`;

async function readJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init });
  const body = await response.json();
  if (!response.ok)
    throw new Error(body.detail ?? body.title ?? `De server antwoordde met ${response.status}.`);
  return body as T;
}

/**
 * The vastgestelde versions of this programme (for everyone), and for a logged-in beheerder the
 * button that vaststellen the live report: the figures, targets, statuses and voortgang of now
 * are stored as they are, and the page moves to the stored version.
 */
export function ReportVaststellen({ id, periode }: { id: string; periode: string }) {
  const [versions, setVersions] = useState<ReportVersionRef[]>([]);
  const [allowed, setAllowed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    readJson<{ vastgesteld: ReportVersionRef[] }>(`${API}/programmas/${id}/rapportages`).then(
      (body) => live && setVersions(body.vastgesteld),
      () => {},
    );
    readJson<{ vaststellen: boolean }>(`${API}/programmas/${id}/rapportages/${periode}/vaststelbaar`).then(
      (body) => live && setAllowed(body.vaststellen),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id, periode]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function establish() {
    setBusy(true);
    setError(null);
    try {
      const session = await readJson<{ csrfToken: string }>(`${API}/sessies/huidig`);
      const body = await readJson<{ vastgesteld: ReportVersionRef }>(
        `${API}/beheer/programmas/${id}/rapportages/${periode}/vaststellen`,
        { method: 'POST', headers: { Accept: 'application/json', 'X-CSRF-Token': session.csrfToken } },
      );
      navigate(versionPage(id, body.vastgesteld));
    } catch (e) {
      setError(`Vaststellen is niet gelukt: ${(e as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <div className="report-versions no-print">
      {versions.length > 0 && (
        <>
          <h2 className="report-versions__title">Vastgestelde rapportages</h2>
          <ul>
            {versions.map((v) => (
              <li key={`${v.periode}-${v.versie}`}>
                <Link href={versionPage(id, v)}>{versionText(v)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {allowed && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Rapportage vaststellen
        </button>
      )}
      {allowed && confirming && (
        <fieldset className="report-confirm">
          <legend>Rapportage {halfYearLabel(periode)} vaststellen?</legend>
          <p>
            De cijfers, doelen, statussen en voortgang van nu worden bewaard zoals ze zijn, als nieuwe
            vastgestelde versie. Latere correcties veranderen die versie niet.
          </p>
          <button type="button" className="button" ref={confirmRef} disabled={busy} onClick={establish}>
            Ja, vaststellen
          </button>{' '}
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            Annuleren
          </button>
        </fieldset>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
