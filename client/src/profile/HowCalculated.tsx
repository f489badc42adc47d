import { formatDifference, formatNumber, formatShare, formatValue } from '../shared/format.ts';
import type { Judgement, TargetProgress } from '../shared/model.ts';
import { STATUS_STYLES, toStatus } from '../shared/status.ts';
import { StatusBadge } from '../ui/StatusBadge.tsx';

const KIND: Record<string, string> = {
  absoluut: 'een vast getal',
  referentieniveau: 'het niveau van het referentiegebied',
  richting: 'alleen de richting',
};

const METHOD_TEXT: Record<string, string> = {
  absoluut:
    'Methode: voortgangsmaat van Open SDG (Statistics Canada): de groei per jaar tegen de groei die nodig is om het doel op tijd te halen. Een basis en een latere meting zijn nodig.',
  richting:
    'Methode: voortgangsmaat van Open SDG (Statistics Canada) zonder streefgetal: de groei per jaar in de gewenste richting. Een basis en een latere meting zijn nodig.',
  referentieniveau:
    'Methode: de achterstand op het referentiegebied in hetzelfde jaar moet minstens zo snel kleiner worden als de tijd tot het doeljaar verstrijkt. Een basis en een latere meting van beide gebieden zijn nodig.',
};

/** The engine's inputs with Dutch labels; values that are not there are left out. */
function inputRows(
  j: Judgement,
  value: (n: number | null) => string,
  difference: (n: number | null) => string,
): Array<[string, string]> {
  const i = j.inputs;
  const rate = (n: number | null) => (n === null ? '–' : `${formatShare(n, 2)} per jaar`);
  const rows: Array<[string, string | null]> = [
    ['Richting (d)', i.d === null ? null : i.d > 0 ? '+1, hoger is beter' : '−1, lager is beter'],
    [
      'Basis gebruikt',
      i.baselineValueUsed === null ? null : `${value(i.baselineValueUsed)} (${i.baselineYear ?? '?'})`,
    ],
    ['Huidige waarde', i.currentValue === null ? null : `${value(i.currentValue)} (${i.currentYear ?? '?'})`],
    ['Doel gebruikt', i.targetValueUsed === null ? null : `${value(i.targetValueUsed)} in ${i.targetYear}`],
    ['Groei gemeten (CAGR)', i.cagrObserved === null ? null : rate(i.cagrObserved)],
    ['Groei nodig (CAGR)', i.cagrRequired === null ? null : rate(i.cagrRequired)],
    [
      'Referentie bij de basis',
      i.referenceAreaBaselineValue === null ? null : value(i.referenceAreaBaselineValue),
    ],
    ['Referentie nu', i.referenceAreaCurrentValue === null ? null : value(i.referenceAreaCurrentValue)],
    ['Afstand bij de basis', i.gapBaseline === null ? null : difference(i.gapBaseline)],
    ['Afstand nu', i.gapCurrent === null ? null : difference(i.gapCurrent)],
    ['Afstand gedicht', i.closure === null ? null : formatShare(i.closure)],
    ['Verstreken tijd', i.elapsedShare === null ? null : formatShare(i.elapsedShare)],
    ['Voortgangsmaat', i.progressValue === null ? null : formatNumber(i.progressValue, 2)],
    [
      'Drempels',
      `${j.thresholds.measure}: ≥ ${formatNumber(j.thresholds.high, 3)} op schema, ≥ ${formatNumber(j.thresholds.med, 3)} versnelling nodig, ≥ ${formatNumber(j.thresholds.low, 3)} beperkte vooruitgang`,
    ],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

/** The status of one target with every input the engine used: the "hoe berekend" card. */
export function HowCalculated({ target }: { target: TargetProgress }) {
  const t = target;
  const v = (n: number | null) => formatValue(n, t.eenheid, t.decimalen);
  const diff = (n: number | null) => formatDifference(n, t.eenheid, t.decimalen);
  const j = t.judgement;
  return (
    <div className="how">
      <p className="how__status">
        <StatusBadge status={t.status} />
        <span className="how__horizon">
          doel {t.horizon} jaar{t.doeljaar ? ` (${t.doeljaar})` : ''}:{' '}
          {t.streefwaarde != null ? v(t.streefwaarde) : (KIND[t.soort] ?? t.soort)}
          {t.planTekst ? ` · plan: “${t.planTekst}”` : ''}
        </span>
      </p>
      <details>
        <summary>
          Hoe berekend<span className="visually-hidden"> (doel {t.horizon} jaar)</span>
        </summary>
        <dl className="how__list">
          <dt>Soort doel</dt>
          <dd>{KIND[t.soort] ?? (t.soort || 'onbekend')}</dd>
          <dt>Basis</dt>
          <dd>
            {v(t.basisWaarde)}
            {t.basisPeriode
              ? ` over ${t.basisPeriode.label} (${formatNumber(t.basisPeriode.years, 1)} jaar)${
                  t.basisPeriode.perYear != null
                    ? `: ${formatNumber(t.basisPeriode.perYear, 1)} per jaar, vergeleken met de telling per jaar`
                    : ''
                }`
              : t.basisJaar
                ? ` (${t.basisJaar})`
                : ''}
          </dd>
          <dt>Laatste meting</dt>
          <dd>
            {t.laatsteGeheim ? 'geheim / te klein' : v(t.laatsteWaarde)}
            {t.laatsteJaar ? ` (${t.laatsteJaar})` : ''}
          </dd>
          {t.verwachtNu != null && (
            <>
              <dt>Volgens het benodigde pad nu</dt>
              <dd>{v(t.verwachtNu)}</dd>
            </>
          )}
          {t.aandeelVanDeWeg != null && (
            <>
              <dt>Deel van de weg afgelegd</dt>
              <dd>{formatShare(t.aandeelVanDeWeg, 0)}</dd>
            </>
          )}
          {t.score != null && (
            <>
              <dt>Score (−5 … +5)</dt>
              <dd>{formatNumber(t.score, 1)}</dd>
            </>
          )}
          {j &&
            inputRows(j, v, diff).map(([label, value]) => (
              <div key={label} className="how__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        {j?.uncertainty && (
          <p className="how__explanation">
            {j.uncertainty.favourable.status === j.uncertainty.unfavourable.status
              ? `De afronding van de cijfers verandert het oordeel niet: ${STATUS_STYLES[toStatus(j.uncertainty.favourable.status)].label.toLowerCase()}.`
              : `Door afronding zijn twee oordelen mogelijk: gunstig ${STATUS_STYLES[toStatus(j.uncertainty.favourable.status)].label.toLowerCase()}, ongunstig ${STATUS_STYLES[toStatus(j.uncertainty.unfavourable.status)].label.toLowerCase()}.`}
          </p>
        )}
        {j?.planReading && (
          <p className="how__explanation">
            Met het vaste getal uit het plan:{' '}
            {STATUS_STYLES[toStatus(j.planReading.status)].label.toLowerCase()}.
          </p>
        )}
        {t.uitleg.length > 0 ? (
          <ul className="how__explanation">
            {t.uitleg.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="how__explanation">
            {STATUS_STYLES[t.status].label}: {STATUS_STYLES[t.status].description}.
          </p>
        )}
        <p className="muted small">{METHOD_TEXT[t.soort] ?? METHOD_TEXT.absoluut}</p>
      </details>
    </div>
  );
}
