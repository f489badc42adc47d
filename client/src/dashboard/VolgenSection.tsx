import { formatValue } from '../shared/format.ts';
import type { ProgrammeProgress } from '../shared/model.ts';

type Volg = ProgrammeProgress['volgen'][number];
type VolgArea = Volg['gebieden'][number];

const TREND_WORDS = { gunstig: 'gunstig', ongunstig: 'ongunstig', gelijk: 'gelijk' } as const;

/** The trend in words and arrow (never colour alone): first → last with their years. */
function Trend({ row, unit, decimals }: { row: VolgArea; unit: string; decimals: number }) {
  if (!row.laatste) return <span className="muted">nog geen cijfers</span>;
  const value = (v: number) => formatValue(v, unit, decimals);
  if (!row.eerste || !row.richting || row.eerste.jaar === row.laatste.jaar)
    return <span>alleen {row.laatste.jaar}: nog geen trend</span>;
  const change = row.laatste.waarde - row.eerste.waarde;
  const arrow = row.richting === 'gelijk' ? '→' : change > 0 ? '↗' : '↘';
  const moved = row.richting === 'gelijk' ? 'gelijk gebleven' : change > 0 ? 'gestegen' : 'gedaald';
  return (
    <span className={`related__direction related__direction--${row.richting}`}>
      <span aria-hidden="true">{arrow} </span>
      {moved}
      {row.richting !== 'gelijk' && `, ${TREND_WORDS[row.richting]}`}: {value(row.eerste.waarde)} (
      {row.eerste.jaar}) → {value(row.laatste.waarde)} ({row.laatste.jaar})
      {row.richting === 'gelijk' && row.reden && <span className="volgen__where">{row.reden}</span>}
    </span>
  );
}

function Comparison({
  c,
  unit,
  decimals,
  label,
}: {
  c: VolgArea['wijk'];
  unit: string;
  decimals: number;
  label: string;
}) {
  if (!c)
    return (
      <td data-label={label} className="num muted">
        –
      </td>
    );
  return (
    <td data-label={label} className="num">
      {formatValue(c.waarde, unit, decimals)} <span className="muted">({c.jaar})</span>
      <span className="volgen__where">{c.naam}</span>
    </td>
  );
}

function VolgTable({ volg }: { volg: Volg }) {
  const shown = volg.verwant ?? volg.indicator;
  const unit = shown.eenheid;
  const decimals = shown.decimalen;
  const title = volg.label ?? volg.indicator.naam;
  if (volg.geenCijfers)
    return (
      <div className="scorecard-group volgen__empty">
        <h3 className="scorecard__indicator">{title}</h3>
        {volg.niveau && <p className="scorecard__definition">Niveau in het plan: {volg.niveau}</p>}
        <p className="volgen__none">{volg.geenCijfers}</p>
      </div>
    );
  return (
    <div className="scorecard-group">
      <div className="table-scroll">
        <table className="data-table volgen-table">
          <caption>
            <span className="scorecard__indicator">{title}</span>
            {volg.niveau && <span className="scorecard__definition">Niveau in het plan: {volg.niveau}</span>}
            {volg.verwant && (
              <span className="related">
                <span className="related__label">Verwante reeks (andere definitie)</span>{' '}
                <span className="related__name">{volg.verwant.naam}</span>
                <span className="volgen__note">{volg.verwant.uitleg}</span>
              </span>
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">Gebied</th>
              <th scope="col" className="num">
                Laatste
              </th>
              <th scope="col" className="num">
                Wijk
              </th>
              <th scope="col" className="num">
                Gemeente
              </th>
              <th scope="col" className="num">
                Nederland
              </th>
              <th scope="col">Sinds het eerste jaar</th>
            </tr>
          </thead>
          <tbody>
            {volg.gebieden.map((row) => (
              <tr key={row.gebied.code}>
                <th scope="row">
                  {row.gebied.label ?? row.gebied.naam}
                  {row.gebied.label && row.gebied.label !== row.gebied.naam && (
                    <span className="volgen__where">{row.gebied.naam}</span>
                  )}
                </th>
                <td data-label="Laatste" className="num">
                  {row.laatste ? (
                    <>
                      {formatValue(row.laatste.waarde, unit, decimals)}{' '}
                      <span className="muted">({row.laatste.jaar})</span>
                    </>
                  ) : (
                    <span className="muted">nog geen cijfers</span>
                  )}
                </td>
                <Comparison c={row.wijk} unit={unit} decimals={decimals} label="Wijk" />
                <Comparison c={row.gemeente} unit={unit} decimals={decimals} label="Gemeente" />
                <Comparison c={row.nederland} unit={unit} decimals={decimals} label="Nederland" />
                <td data-label="Sinds het eerste jaar">
                  <Trend row={row} unit={unit} decimals={decimals} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {volg.bronnen.length > 0 && (
        <details className="related__how">
          <summary>
            Bronnen<span className="visually-hidden"> ({title})</span>
          </summary>
          <ul>
            {volg.bronnen.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** "Volgen": the plan's monitoring indicators, without targets, per focus area. */
export function VolgenSection({
  volgen,
  title = 'Volgen',
  headingId = 'volgen-titel',
}: {
  volgen: ProgrammeProgress['volgen'];
  /** The heading; the area profile names the programme (one section per programme). */
  title?: string;
  headingId?: string;
}) {
  if (volgen.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="card volgen">
      <h2 id={headingId}>{title}</h2>
      <p className="lead">
        Indicatoren die het plan volgt zonder streefwaarde: de laatste waarde per focusgebied naast wijk,
        gemeente en Nederland, en de richting sinds het eerste jaar met cijfers. Een richting is geen oordeel
        over een doel.
      </p>
      {volgen.map((v) => (
        <VolgTable key={v.indicator.id} volg={v} />
      ))}
    </section>
  );
}
