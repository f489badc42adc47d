import { useIndicators, useProgrammes } from '../shared/queries.ts';

/** The gemeente format on the upload page: columns, flags, indicator ids and a template to fill in. */
export function UploadHelp() {
  const indicators = useIndicators();
  const programmes = useProgrammes();
  return (
    <section className="card upload-help" aria-labelledby="upload-help-titel">
      <h2 id="upload-help-titel">Zo ziet een bestand met gemeentecijfers eruit</h2>
      <p>
        Eén regel per gebied × indicator × periode. Kolommen: <code>gebiedscode</code>, <code>indicator</code>
        , <code>periode</code> (een jaar, 2024, of een reeks jaren, 2017-2021), <code>waarde</code>, en bij
        een percentage <code>teller</code> en <code>noemer</code>; verder <code>flags</code> en{' '}
        <code>indeling</code>. Scheidingsteken een puntkomma met decimale komma (12,5), of een komma met
        decimale punt (12.5).
      </p>
      {(programmes.data ?? []).map((p) => (
        <p key={p.id}>
          <a href={`/api/v1/beheer/imports/sjabloon?programma=${encodeURIComponent(p.id)}`} download>
            Sjabloon voor {p.naam} downloaden
          </a>{' '}
          (CSV met de indicatoren en gebieden van het programma; vul periode en waarde in).
        </p>
      ))}
      <h3>Vlaggen</h3>
      <dl className="upload-help__flags">
        <dt>
          <code>voorlopig</code>
        </dt>
        <dd>Het cijfer is nog niet definitief; het wordt zo getoond.</dd>
        <dt>
          <code>geheim</code>
        </dt>
        <dd>Het cijfer mag niet worden gepubliceerd; laat de waarde leeg.</dd>
        <dt>
          <code>afgerond:N</code>
        </dt>
        <dd>Teller en noemer zijn afgerond op N (bijvoorbeeld afgerond:10).</dd>
        <dt>
          <code>waarde-afgerond:N</code>
        </dt>
        <dd>
          De waarde is gepubliceerd afgerond op N (bijvoorbeeld waarde-afgerond:1 voor hele procenten). Zonder
          deze vlag krijgen hele getallen van een enquête-indicator de afronding van de indicator.
        </dd>
      </dl>
      <p className="muted small">
        Meerdere vlaggen scheidt u met een spatie of |. Wat niet kan wordt geweigerd: een aandeel buiten
        0–100%, een negatief aantal, een negatieve teller of noemer. Een waarde die niet past bij
        teller/noemer en een periode in de toekomst geven een waarschuwing in het voorbeeld.
      </p>
      <details>
        <summary>Indicatoren en hun id ({indicators.data?.length ?? '…'})</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Indicatoren met id en eenheid</caption>
            <thead>
              <tr>
                <th scope="col">id (kolom indicator)</th>
                <th scope="col">Naam</th>
                <th scope="col">Eenheid</th>
              </tr>
            </thead>
            <tbody>
              {(indicators.data ?? []).map((i) => (
                <tr key={i.id}>
                  <td>
                    <code>{i.id}</code>
                  </td>
                  <td>{i.naam}</td>
                  <td>{i.eenheid}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
