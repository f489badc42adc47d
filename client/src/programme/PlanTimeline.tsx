import { euro, halfYearLabel, halfYearShort, INSPANNING_STATUS, type Plan, plannedIn } from './planView.ts';

export function Timeline({ plan }: { plan: Plan }) {
  const acties = plan.inspanningen.filter((i) => i.soort === 'actie' && i.wanneer.start !== null);
  if (acties.length === 0 || plan.halveJaren.length === 0) return null;
  return (
    <section aria-labelledby="tijdlijn-titel" className="card">
      <h2 id="tijdlijn-titel">Tijdlijn per half jaar</h2>
      <p className="muted">
        “gepland”: het plan heeft de inspanning in dat half jaar lopen; waar voortgang is vastgelegd staat de
        status.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" aria-label="Tijdlijn, scrollt horizontaal" tabIndex={0}>
        <table className="data-table timeline">
          <caption>Inspanningen per half jaar</caption>
          <thead>
            <tr>
              <th scope="col">Inspanning</th>
              {plan.halveJaren.map((period) => (
                <th scope="col" key={period}>
                  <abbr title={halfYearLabel(period)}>{halfYearShort(period)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {acties.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <span className="inspanning-code">{i.code}</span> {i.wat}
                </th>
                {plan.halveJaren.map((period) => {
                  const entry = i.geschiedenis.find((e) => e.periode === period);
                  if (entry) {
                    const style = INSPANNING_STATUS[entry.status];
                    return (
                      <td key={period} className={`timeline__cell timeline__cell--${entry.status}`}>
                        <span aria-hidden="true">{style.icon}</span> {style.label.toLowerCase()}
                      </td>
                    );
                  }
                  return plannedIn(i, period) ? (
                    <td key={period} className="timeline__cell timeline__cell--gepland">
                      gepland
                    </td>
                  ) : (
                    <td key={period} className="timeline__cell">
                      <span className="visually-hidden">niet gepland</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

export function Budget({ plan }: { plan: Plan }) {
  if (plan.begroting.length === 0) return null;
  const years = [...new Set(plan.begroting.flatMap((l) => (l.jaar === null ? [] : [l.jaar])))].sort();
  const labels = [...new Set(plan.begroting.map((l) => l.omschrijving))];
  return (
    <section aria-labelledby="begroting-titel" className="card">
      <h2 id="begroting-titel">Begroting uit het plan</h2>
      {plan.begrotingToelichting ? <p>{plan.begrotingToelichting}</p> : null}
      <div className="table-scroll">
        <table className="data-table budget-table">
          <caption>Bedragen in euro, zoals het plan ze noemt</caption>
          <thead>
            <tr>
              <th scope="col">Post</th>
              {years.map((year) => (
                <th scope="col" key={year} className="num">
                  {year}
                </th>
              ))}
              <th scope="col" className="num">
                Zonder jaar
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => {
              const lines = plan.begroting.filter((l) => l.omschrijving === label);
              const kind = lines[0]!.soort;
              return (
                <tr key={label} className={`budget-row budget-row--${kind}`}>
                  <th scope="row">
                    {label}
                    {kind === 'financiering' ? <span className="muted"> (middelen)</span> : null}
                  </th>
                  {years.map((year) => {
                    const line = lines.find((l) => l.jaar === year);
                    return (
                      <td key={year} className="num">
                        {line ? euro(line.bedrag) : '—'}
                      </td>
                    );
                  })}
                  <td className="num">
                    {lines.find((l) => l.jaar === null)
                      ? euro(lines.find((l) => l.jaar === null)!.bedrag)
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {plan.begrotingVerschillen.length > 0 ? (
        <p className="notice" role="note">
          Let op: in het plan tellen de regels niet op tot het gedrukte totaal in{' '}
          {plan.begrotingVerschillen
            .map((d) => `${d.jaar} (regels samen ${euro(d.som)}, gedrukt ${euro(d.gedrukt)})`)
            .join(' en ')}
          .
        </p>
      ) : null}
    </section>
  );
}
