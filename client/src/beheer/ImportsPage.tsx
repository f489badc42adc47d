import { useState } from 'react';
import type { ImportListBody } from '../../../schemas/imports.ts';
import { api, BeheerError, formatCount, formatDateTime } from './beheerApi.ts';
import { useBeheerData } from './useBeheerData.ts';
import { useFocusAfterRender } from './useFocusAfterRender.ts';

/** Only uploads can be rolled back here; the programme definition is loaded from its file at start-up. */
const UPLOAD_KINDS = ['gemeentecijfers', 'kwb', 'grenzen'];

type ImportList = ImportListBody;

/** Every import, newest first, with a rollback that asks for confirmation first. */
export function ImportsPage() {
  const [page, setPage] = useState(1);
  const { data, error, reload } = useBeheerData<ImportList>(
    `/beheer/imports?pagina=${page}&paginaGrootte=25`,
  );
  const [confirming, setConfirming] = useState<number>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'fout'; text: string }>();
  const focusAfterRender = useFocusAfterRender();

  function askToRollBack(id: number) {
    setConfirming(id);
    focusAfterRender(`import-${id}-bevestigen`);
  }

  function cancelRollBack(id: number) {
    setConfirming(undefined);
    focusAfterRender(`import-${id}-terugdraaien`);
  }

  async function rollback(id: number) {
    setMessage(undefined);
    try {
      await api.post(`/beheer/imports/${id}/terugdraaien`);
      setMessage({ kind: 'ok', text: `Import ${id} is teruggedraaid.` });
      reload();
    } catch (e) {
      setMessage({ kind: 'fout', text: e instanceof BeheerError ? e.detail : 'Terugdraaien is mislukt.' });
    } finally {
      setConfirming(undefined);
      // The buttons of the row are gone: the message saying what happened takes focus.
      focusAfterRender('imports-melding');
    }
  }

  return (
    <section aria-labelledby="imports-titel">
      <h1 id="imports-titel">Imports</h1>
      <p className="lead">
        Elk ingelezen bestand. Terugdraaien haalt de nieuwe waarden weg en zet gecorrigeerde waarden terug.
      </p>
      <div aria-live="polite">
        {message && (
          <p
            id="imports-melding"
            tabIndex={-1}
            className={message.kind === 'ok' ? 'notice' : 'notice notice--error'}
          >
            {message.text}
          </p>
        )}
      </div>
      {error && <p className="notice notice--error">{error}</p>}
      {!data && !error && <p className="loading">Laden…</p>}
      {data && data.imports.length === 0 && <p>Er zijn nog geen imports.</p>}
      {data && data.imports.length > 0 && (
        <div className="table-scroll card">
          <table className="data-table">
            <caption>{formatCount(data.paginering.totaal)} imports, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Nr.
                </th>
                <th scope="col">Bestand</th>
                <th scope="col">Soort</th>
                <th scope="col">Door</th>
                <th scope="col">Wanneer</th>
                <th scope="col" className="num">
                  Nieuw
                </th>
                <th scope="col" className="num">
                  Gecorrigeerd
                </th>
                <th scope="col" className="num">
                  Ongewijzigd
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.imports.map((item) => (
                <tr key={item.id}>
                  <td className="num">{item.id}</td>
                  <th scope="row">{item.bestandsnaam}</th>
                  <td>{item.soort}</td>
                  <td>{item.door}</td>
                  <td className="nowrap">{formatDateTime(item.gestart)}</td>
                  <td className="num">{formatCount(item.nieuw)}</td>
                  <td className="num">{formatCount(item.gecorrigeerd)}</td>
                  <td className="num">{formatCount(item.ongewijzigd)}</td>
                  <td>{item.status === 'gelukt' ? 'Vastgelegd' : 'Teruggedraaid'}</td>
                  <td>
                    {item.status === 'gelukt' &&
                      UPLOAD_KINDS.includes(item.soort) &&
                      (confirming === item.id ? (
                        <span className="beheer-confirm">
                          <button
                            type="button"
                            id={`import-${item.id}-bevestigen`}
                            className="button button--danger"
                            onClick={() => void rollback(item.id)}
                          >
                            Ja, draai import {item.id} terug
                          </button>
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => cancelRollBack(item.id)}
                          >
                            Annuleren
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          id={`import-${item.id}-terugdraaien`}
                          className="button button--secondary"
                          onClick={() => askToRollBack(item.id)}
                        >
                          Terugdraaien<span className="visually-hidden"> import {item.id}</span>
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.paginering.pagina} pages={data.paginering.aantalPaginas} onPage={setPage} />
        </div>
      )}
    </section>
  );
}

export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagina’s" className="beheer-pager">
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Vorige
      </button>
      <span>
        Pagina {page} van {pages}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Volgende
      </button>
    </nav>
  );
}
