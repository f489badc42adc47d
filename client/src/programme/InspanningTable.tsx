import {
  budgetText,
  euro,
  halfYearLabel,
  INSPANNING_STATUS,
  type Inspanning,
  periodText,
} from './planView.ts';

export function InspanningStatusBadge({ inspanning }: { inspanning: Inspanning }) {
  const latest = inspanning.laatsteVoortgang;
  if (!latest) return <span className="inspanning-status inspanning-status--geen">Nog geen voortgang</span>;
  const style = INSPANNING_STATUS[latest.status];
  return (
    <span className={`inspanning-status inspanning-status--${latest.status}`}>
      <span aria-hidden="true">{style.icon}</span> {style.label}
      <span className="inspanning-status__period"> ({halfYearLabel(latest.periode)})</span>
    </span>
  );
}

/** Organisation names for a cell; "niet genoemd" when the plan names none. */
export function names(list: { naam: string }[]) {
  return list.length === 0 ? 'niet genoemd' : list.map((p) => p.naam).join(', ');
}

export function InspanningTable({ caption, inspanningen }: { caption: string; inspanningen: Inspanning[] }) {
  if (inspanningen.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table inspanning-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Wat</th>
            <th scope="col">Wanneer</th>
            <th scope="col">Partners</th>
            <th scope="col">Middelen</th>
            <th scope="col">Stand</th>
          </tr>
        </thead>
        <tbody>
          {inspanningen.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <span className="inspanning-code">{i.code}</span> {i.wat}
                {i.hoe ? (
                  <details className="inspanning-hoe">
                    <summary>Hoe</summary>
                    <p>{i.hoe}</p>
                  </details>
                ) : null}
              </th>
              <td>{periodText(i)}</td>
              <td>{names(i.trekker ? [i.trekker, ...i.partners] : i.partners)}</td>
              <td>
                {budgetText(i)}
                {i.besteedTotaal !== null ? (
                  <div className="muted">besteed: {euro(i.besteedTotaal)}</div>
                ) : null}
              </td>
              <td>
                <InspanningStatusBadge inspanning={i} />
                {i.output ? (
                  <div className="muted">
                    {i.output.gerealiseerd ?? 0} van {i.output.gepland ?? '?'} {i.output.omschrijving}
                  </div>
                ) : null}
                {i.laatsteVoortgang?.toelichting ? <div>{i.laatsteVoortgang.toelichting}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
